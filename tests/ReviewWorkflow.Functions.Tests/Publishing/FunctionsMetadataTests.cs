using System.Text.Json;
using ReviewWorkflow.Functions.Tests.Fixtures;
using ReviewWorkflow.Functions.WakeUps;

namespace ReviewWorkflow.Functions.Tests.Publishing;

/// <summary>
/// What the Functions host will load from ./publish.sh's artifacts/functionapp, read from the SDK's functions.metadata:
/// every orchestrator and activity the local engine registers (read from the real registration) is a function of that
/// name with the right Durable trigger, the wake-up sweep is a timer with a durable client, and there is nothing else.
/// </summary>
[Collection(PublishedArtifactsGroup.Name)]
public sealed class FunctionsMetadataTests(PublishedArtifacts artifacts)
{
    [Fact]
    public async Task Every_orchestrator_the_engine_registers_is_an_orchestration_trigger_function_of_its_name()
    {
        var (orchestrators, _) = await EngineRegistration.ReadAsync();
        var published = PublishedFunction.Read(artifacts.FunctionApp);

        Assert.NotEmpty(orchestrators);
        foreach (var name in orchestrators.Select(o => o.Name).Distinct())
        {
            var function = published.SingleOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            Assert.True(function is not null, $"orchestrator {name} is registered but not published");
            var binding = Assert.Single(function.Bindings);
            Assert.Equal(("orchestrationTrigger", "In"), (binding.Type, binding.Direction));
        }
    }

    [Fact]
    public async Task Every_activity_the_engine_registers_is_an_activity_trigger_function_of_its_name()
    {
        var (_, activities) = await EngineRegistration.ReadAsync();
        var published = PublishedFunction.Read(artifacts.FunctionApp);

        Assert.Contains("ScheduleWakeUp", activities.Keys);
        foreach (var name in activities.Keys)
        {
            var function = published.SingleOrDefault(f => f.Name == name);
            Assert.True(function is not null, $"activity {name} is registered but not published under that exact name");
            var binding = Assert.Single(function.Bindings);
            Assert.Equal(("activityTrigger", "In"), (binding.Type, binding.Direction));
        }
    }

    [Fact]
    public async Task Nothing_is_published_but_the_registered_tasks_and_the_wake_up_sweep()
    {
        var (orchestrators, activities) = await EngineRegistration.ReadAsync();
        var expected = orchestrators.Select(o => o.Name).Concat(activities.Keys).Append(WakeUpSweepFunction.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var published = PublishedFunction.Read(artifacts.FunctionApp).Select(f => f.Name).ToList();

        Assert.Equal(published.Count, published.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(published, name => Assert.Contains(name, expected));
        Assert.Equal(expected.Count, published.Count);
    }

    [Fact]
    public void The_wake_up_sweep_is_a_timer_every_minute_with_a_durable_client()
    {
        var sweep = Assert.Single(PublishedFunction.Read(artifacts.FunctionApp), f => f.Name == WakeUpSweepFunction.Name);

        Assert.Equal("timerTrigger", sweep.Trigger);
        using var timer = JsonDocument.Parse(sweep.Bindings.Single(b => b.Type == "timerTrigger").Json);
        Assert.Equal("0 * * * * *", timer.RootElement.GetProperty("schedule").GetString());
        Assert.Contains(sweep.Bindings, b => b.Type == "durableClient" && b.Direction == "In");
    }

    [Fact]
    public void Extensions_json_loads_the_Durable_extension_from_the_published_folder()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts.FunctionApp, "extensions.json")));
        var durable = Assert.Single(document.RootElement.GetProperty("extensions").EnumerateArray(),
            e => e.GetProperty("typeName").GetString()!.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskWebJobsStartup,", StringComparison.Ordinal));

        var hint = durable.GetProperty("hintPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(artifacts.FunctionApp, hint)), $"{hint} is not in the published folder");
    }

    [Fact]
    public void The_folder_is_a_dotnet_isolated_worker_with_the_repository_host_json()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts.FunctionApp, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(artifacts.FunctionApp, description.GetProperty("defaultWorkerPath").GetString()!)), "the worker assembly is missing");
        Assert.Equal(File.ReadAllText(Path.Combine(ReviewWorkflow.Testing.Azurite.RepositoryRoot(), "host.json")),
            File.ReadAllText(Path.Combine(artifacts.FunctionApp, "host.json")));
    }
}
