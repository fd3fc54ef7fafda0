// ReviewWorkflow on Azure: `azd up` provisions this and deploys artifacts/functionapp (./publish.sh).
// A Linux Function App on Flex Consumption running the app as a custom handler, a user-assigned managed identity,
// storage with shared-key access off, Key Vault (RBAC) for secrets, Application Insights + Log Analytics, and
// App Service Authentication with Microsoft Entra ID. Modelled on Azure-Samples/functions-quickstart-dotnet-azd.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Task hub: names the durable runtime tables ({hub}Instances, ...) and queues ({hub}-control, {hub}-workitems). Lower-case letters and digits.')
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

@description('Public URL of the site (consultee links start here). Empty: the Function App default host name.')
param publicBaseUrl string = ''

@description('Directory provider: Local or Graph.')
param directoryProvider string = 'Graph'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'

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
    planName: 'plan-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'app' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    taskHubName: taskHubName
    authClientId: authClientId
    authClientSecretUri: keyVault.outputs.authClientSecretUri
    sendGridApiKeyUri: keyVault.outputs.sendGridApiKeyUri
    tokenSigningKeyUri: keyVault.outputs.tokenSigningKeyUri
    emailFromAddress: emailFromAddress
    publicBaseUrl: publicBaseUrl
    directoryProvider: directoryProvider
  }
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_APP_URI string = functionApp.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
