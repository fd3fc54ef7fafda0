using System.Text.Json;
using ReviewWorkflow.App.Functions;
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

    [Fact]
    public void The_only_function_is_the_HTTP_front()
    {
        var folders = System.IO.Directory.GetDirectories(Path.Combine(Root, "src", "ReviewWorkflow.App", "Functions")).Select(Path.GetFileName);
        Assert.Equal(FunctionNames.All, folders);
    }
}
