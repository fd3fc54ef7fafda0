// The one user-assigned managed identity of both apps (web app and Function App): storage, Key Vault and Application
// Insights trust it, never a key. Its data roles are assigned where the data lives (storage.bicep, keyvault.bicep, monitoring.bicep).
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
