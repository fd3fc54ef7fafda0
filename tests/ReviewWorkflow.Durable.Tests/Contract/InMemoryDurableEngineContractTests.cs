using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Durable.Store.InMemory;

namespace ReviewWorkflow.Durable.Tests.Contract;

public sealed class InMemoryDurableEngineContractTests : DurableEngineContractTests
{
    protected override Task<IDurableStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IDurableStore>(new InMemoryDurableStore(time));
}
