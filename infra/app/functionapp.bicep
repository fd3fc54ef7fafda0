// The Function App: Linux, Flex Consumption (FC1), runtime "custom" (the app's own executable, see host.json),
// user-assigned identity for storage, Key Vault references, deployment package and Application Insights.
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
param authClientId string
param authClientSecretUri string
param sendGridApiKeyUri string
param tokenSigningKeyUri string
param emailFromAddress string
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
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// Every key the app reads is set here or documented as optional in README.md's configuration table
// (tests/ReviewWorkflow.App.Tests/Deployment/ConfigurationCoverageTests.cs checks it; BicepBuildTests checks the compiled
// template). Secrets are Key Vault references that App Service resolves as the user-assigned identity.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The host's own storage (and the app's, via the same keys): identity-based, no connection string.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}'
    AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
    AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The Durable Task task hub (DTFx Azure Storage layout: {hub}-control-NN / {hub}-workitems queues, {hub}Instances /
    // {hub}History tables, {hub}-leases and large-message containers); the app runs its worker embedded.
    Durable__HubName: taskHubName
    Storage__ManagedIdentityClientId: identityClientId
    // Empty when no SendGrid key was given: the app then writes emails to its local outbox instead of sending them.
    Email__SendGridApiKey: empty(sendGridApiKeyUri) ? '' : '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})'
    Email__FromAddress: emailFromAddress
    Email__FromName: 'Strategy review'
    Directory__Provider: directoryProvider
    Directory__ManagedIdentityClientId: identityClientId
    Web__AppServiceAuthentication: 'true'
    Workflow__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${tokenSigningKeyUri})'
    Workflow__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net/' : publicBaseUrl
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${authClientSecretUri})'
  }
}

// App Service Authentication with Microsoft Entra ID. Anonymous requests are let through: consultees answer from an
// emailed link without an account; the app requires sign-in (and the lead/clerk/admin app roles) on staff pages and
// reads the signed-in user from X-MS-CLIENT-PRINCIPAL.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
          clientId: authClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
  dependsOn: [
    appSettings
  ]
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
