// Key Vault (RBAC authorisation) for the app's secrets; app settings reference them (@Microsoft.KeyVault(SecretUri=...))
// and App Service resolves them as the user-assigned identity. No secret is ever in an app setting or in the repository.
param name string
param location string
param tags object
param principalId string

@secure()
param authClientSecret string

@secure()
param sendGridApiKey string

@secure()
param tokenSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Key Vault Secrets User: 4633458b-17de-408a-b874-0445c86b69e6 (read secret values for Key Vault references)
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource authSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'auth-client-secret'
  properties: { value: authClientSecret }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource signingSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'token-signing-key'
  properties: { value: tokenSigningKey }
}

output name string = vault.name
output authClientSecretUri string = authSecret.properties.secretUri
// Empty when no SendGrid key was given (the secret is not created). `.?` instead of a test on the secure parameter: an
// output derived from a secure value is flagged as a secret (outputs-should-not-contain-secrets).
output sendGridApiKeyUri string = sendGridSecret.?properties.secretUri ?? ''
output tokenSigningKeyUri string = signingSecret.properties.secretUri
