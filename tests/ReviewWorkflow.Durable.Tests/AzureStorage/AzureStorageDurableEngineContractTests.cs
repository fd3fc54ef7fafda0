using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Tests.Contract;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

/// <summary>The engine contract (real orchestrations through the test host) against
/// <see cref="ReviewWorkflow.Durable.AzureStorage.AzureStorageDurableStore"/> on Azurite, one fresh task hub per test.
/// Timers are reached through the sweep on the fake clock, so the real-time queue visibility of Azurite does not matter.</summary>
public sealed class AzureStorageDurableEngineContractTests : DurableEngineContractTests
{
    protected override async Task<IDurableStore> CreateStoreAsync(TimeProvider time) => await AzureStores.CreateAsync(time: time);
}
