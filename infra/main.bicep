// ReviewWorkflow on Azure: `azd up` provisions this and deploys the two folders ./publish.sh writes.
//   web app (App Service, Linux, .NET 10; artifacts/webapp) ── client ──► task hub in storage ◄── Function App
//   (Flex Consumption, dotnet-isolated 10.0; artifacts/functionapp: Durable Functions runs the orchestrations)
// One user-assigned managed identity for both, storage with shared-key access off, Key Vault (RBAC) for secrets,
// Application Insights + Log Analytics, App Service Authentication (Entra ID) on the web app.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Task hub (Durable__HubName in both apps): names its tables ({hub}Instances, {hub}History), queues ({hub}-control-NN, {hub}-workitems) and blob containers. Letters and digits.')
param taskHubName string = 'reviewworkflow'

@description('Client id of the Entra app registration App Service Authentication signs users in with (app roles lead, clerk, admin).')
param authClientId string

@secure()
@description('Client secret of that app registration (stored in Key Vault).')
param authClientSecret string

@secure()
@description('SendGrid API key with mail.send (stored in Key Vault). Empty: emails go to the local outbox folder.')
param sendGridApiKey string = ''

@secure()
@description('Base64 key (32+ bytes) signing consultee links (stored in Key Vault). Keep it stable: changing it invalidates sent links.')
param tokenSigningKey string

@description('Verified SendGrid sender address.')
param emailFromAddress string = ''

@description('Public URL of the site (consultee links start here). Empty: the web app default host name.')
param publicBaseUrl string = ''

@description('Directory provider: Local or Graph.')
param directoryProvider string = 'Graph'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var webAppName = 'app-${resourceToken}'
var siteUrl = empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net/' : publicBaseUrl

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    authClientSecret: authClientSecret
    sendGridApiKey: sendGridApiKey
    tokenSigningKey: tokenSigningKey
  }
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-func-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    taskHubName: taskHubName
    sendGridApiKeyUri: keyVault.outputs.sendGridApiKeyUri
    tokenSigningKeyUri: keyVault.outputs.tokenSigningKeyUri
    emailFromAddress: emailFromAddress
    publicBaseUrl: siteUrl
    directoryProvider: directoryProvider
  }
}

module webApp 'app/webapp.bicep' = {
  name: 'webapp'
  params: {
    name: webAppName
    planName: 'plan-web-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'web' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    taskHubName: taskHubName
    authClientId: authClientId
    authClientSecretUri: keyVault.outputs.authClientSecretUri
    sendGridApiKeyUri: keyVault.outputs.sendGridApiKeyUri
    tokenSigningKeyUri: keyVault.outputs.tokenSigningKeyUri
    emailFromAddress: emailFromAddress
    publicBaseUrl: siteUrl
    directoryProvider: directoryProvider
  }
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_WEB_APP_NAME string = webApp.outputs.name
output SERVICE_WEB_URI string = webApp.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
