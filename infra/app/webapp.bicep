// The web app: App Service on Linux (.NET 10), src/ReviewWorkflow.App with its Durable Task worker OFF — it only starts,
// reads and signals orchestrations through a client over the task hub in storage; the Function App runs them. App Service
// Authentication (Entra ID) for staff; anonymous only for the consultee form (and its assets), its API and the SendGrid
// webhook.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
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
  kind: 'linux'
  sku: {
    name: 'B1'
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health'
    }
  }
}

// Every key the web app reads is set here or documented as optional in README.md's configuration table (ConfigurationCoverageTests, BicepBuildTests).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // The task hub and the app's tables, through the same keys the Functions app uses: identity-based, no key.
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}'
    AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
    AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // App Service's Application Insights agent (auto-instrumentation of ASP.NET Core on Linux).
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // The same hub the Functions app's host.json names; this process is a client only (the Function App is the worker).
    Durable__HubName: taskHubName
    Durable__WorkerEnabled: 'false'
    Storage__ManagedIdentityClientId: identityClientId
    // Staff notices sent from requests (a bounce flagged by the webhook) go through SendGrid too.
    Email__SendGridApiKey: empty(sendGridApiKeyUri) ? '' : '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})'
    Email__FromAddress: emailFromAddress
    Email__FromName: 'Strategy review'
    Directory__Provider: directoryProvider
    Directory__ManagedIdentityClientId: identityClientId
    Web__AppServiceAuthentication: 'true'
    Workflow__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${tokenSigningKeyUri})'
    Workflow__PublicBaseUrl: publicBaseUrl
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${authClientSecretUri})'
  }
}

// App Service Authentication with Microsoft Entra ID: every request must be signed in (staff, app roles lead / clerk /
// admin read from X-MS-CLIENT-PRINCIPAL) except the paths consultees, SendGrid, the public forward plan and calendar
// apps use without an account.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/respond/*' // the consultee form (an emailed, signed link is the consultee's key)
        '/api/responses/*' // its JSON API
        '/webhooks/sendgrid' // SendGrid's signed Event Webhook
        '/assets/*' // GOV.UK Frontend styles, fonts and scripts the form loads
        '/error/*' // the form's "too many requests" page
        '/forward-plan' // the public forward plan of key decisions (issue 16)
        '/forward-plan.csv' // its CSV
        '/api/forward-plan' // its JSON
        '/calendar.ics' // the public committee meetings feed
        '/calendar/*' // a cycle's feed for calendar apps, which cannot sign in: the link's token is the key
      ]
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

output name string = webApp.name
output uri string = 'https://${webApp.properties.defaultHostName}'
