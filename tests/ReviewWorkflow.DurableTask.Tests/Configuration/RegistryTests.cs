using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.DurableTask.Tests.Tasks;

namespace ReviewWorkflow.DurableTask.Tests.Configuration;

public sealed class RegistryTests
{
    [Fact]
    public void The_newest_version_is_the_default_for_new_instances()
    {
        var registry = new WorkflowTaskRegistry()
            .AddOrchestrator<VersionOneOrchestrator>("Versioned", "9")
            .AddOrchestrator<VersionTwoOrchestrator>("Versioned", "10")
            .AddOrchestrator<SequenceOrchestrator>("Plain");

        Assert.Equal("10", registry.LatestVersion("versioned"));
        Assert.Equal("", registry.LatestVersion("Plain"));
        Assert.Equal("", registry.LatestVersion("Unknown"));
    }

    [Fact]
    public void One_name_and_version_cannot_be_two_classes()
    {
        var registry = new WorkflowTaskRegistry().AddOrchestrator<VersionOneOrchestrator>("Versioned", "1");

        registry.AddOrchestrator<VersionOneOrchestrator>("Versioned", "1"); // the same registration again is harmless
        Assert.Throws<InvalidOperationException>(() => registry.AddOrchestrator<VersionTwoOrchestrator>("Versioned", "1"));
        Assert.Throws<InvalidOperationException>(() => registry.AddActivity<EchoActivity>().AddActivity<SlowActivity>(nameof(EchoActivity)));
    }
}
