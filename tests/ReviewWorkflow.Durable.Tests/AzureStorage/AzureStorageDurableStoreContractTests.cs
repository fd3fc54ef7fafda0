using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Tests.Contract;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>The store contract against <see cref="ReviewWorkflow.Durable.AzureStorage.AzureStorageDurableStore"/> on Azurite,
/// one fresh task hub per store.</summary>
public sealed class AzureStorageDurableStoreContractTests : DurableStoreContractTests
{
    protected override async Task<IDurableStore> CreateStoreAsync(TimeProvider time) => await AzureStores.CreateAsync(time: time);

    /// <summary>Queue visibility in Azurite runs on the real clock.</summary>
    protected override async Task PassTimeAsync(TimeSpan span)
    {
        Time.Advance(span);
        await Task.Delay(span);
    }
}
