// The Function App: Linux, Flex Consumption (FC1), .NET isolated worker on .NET 10 (src/ReviewWorkflow.Functions, the
// Durable Functions app that runs the review cycle's orchestrators and activities), user-assigned identity for storage,
// Key Vault references, the deployment package container and Application Insights. No HTTP functions: no Easy Auth here.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param taskHubName string
param sendGridApiKeyUri string
param tokenSigningKeyUri string
param emailFromAddress string
@description('Public URL of the web app: consultee links in the emails the activities send start here.')
param publicBaseUrl string
param directoryProvider string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Every key the Functions app reads is set here or documented as optional in README.md's configuration table
// (tests/ReviewWorkflow.App.Tests/Deployment/ConfigurationCoverageTests.cs and BicepBuildTests check it). Secrets are Key
// Vault references that App Service resolves as the user-assigned identity.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The host's storage, its Durable extension's task hub, and the activities' tables: identity-based, no key.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}'
    AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
    AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // host.json: "hubName": "%Durable__HubName%" — the same setting (and value) the web app's client reads.
    Durable__HubName: taskHubName
    Storage__ManagedIdentityClientId: identityClientId
    // Empty when no SendGrid key was given: the activities then write emails to the local outbox instead of sending them.
    Email__SendGridApiKey: empty(sendGridApiKeyUri) ? '' : '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})'
    Email__FromAddress: emailFromAddress
    Email__FromName: 'Strategy review'
    Directory__Provider: directoryProvider
    Directory__ManagedIdentityClientId: identityClientId
    Workflow__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${tokenSigningKeyUri})'
    Workflow__PublicBaseUrl: publicBaseUrl
  }
}

output name string = functionApp.name
