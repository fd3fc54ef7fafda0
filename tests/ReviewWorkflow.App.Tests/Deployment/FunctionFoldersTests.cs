using System.Text.Json;
using ReviewWorkflow.App.Functions;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Durable.AzureStorage;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Deployment;

/// <summary>host.json and the function folders say what the handler expects.</summary>
public class FunctionFoldersTests
{
    private static readonly string Root = Azurite.RepositoryRoot();

    private static JsonElement Binding(string function, int index = 0)
    {
        var json = File.ReadAllText(Path.Combine(Root, "src", "ReviewWorkflow.App", "Functions", function, "function.json"));
        return JsonDocument.Parse(json).RootElement.GetProperty("bindings")[index].Clone();
    }

    [Fact]
    public void Host_json_forwards_HTTP_without_a_route_prefix_and_names_the_executable()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.Equal("ReviewWorkflow.App", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(new DurableOptions().MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void Http_function_is_a_catch_all_HTTP_in_HTTP_out_function()
    {
        var trigger = Binding(FunctionNames.Http);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal("http", Binding(FunctionNames.Http, 1).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(FunctionNames.DurableControl, "-control")]
    [InlineData(FunctionNames.DurableWorkItems, "-workitems")]
    public void Queue_triggers_listen_on_the_runtime_queues_of_the_configured_task_hub(string function, string suffix)
    {
        var trigger = Binding(function);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(FunctionNames.QueueBinding, trigger.GetProperty("name").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("binary", trigger.GetProperty("dataType").GetString());
        // The host resolves %AppSetting%; the app reads the same setting as Durable:AzureStorage:TaskHubName.
        var resolved = trigger.GetProperty("queueName").GetString()!.Replace("%Durable__AzureStorage__TaskHubName%", new AzureStorageDurableOptions().TaskHubName, StringComparison.Ordinal);
        Assert.Equal(new AzureStorageDurableOptions().TaskHubName + suffix, resolved);
    }

    [Fact]
    public void Sweep_runs_every_five_minutes()
    {
        var trigger = Binding(FunctionNames.Sweep);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(FunctionNames.TimerBinding, trigger.GetProperty("name").GetString());
        Assert.Equal("0 */5 * * * *", trigger.GetProperty("schedule").GetString());
    }
}
