using System.Net;
using ReviewWorkflow.App.Tests.Infrastructure;

namespace ReviewWorkflow.App.Tests.Functions;

/// <summary>The app behind the Functions host's HTTP front: the ping, and forwarded requests reaching the pipeline.</summary>
public class CustomHandlerProtocolTests
{
    [Fact]
    public async Task Ping_GET_root_answers_on_the_host_given_port()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            using var response = await app.Client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(":" + app.Address.Port, app.Address.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Forwarded_HTTP_request_reaches_the_app_pipeline()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            // enableForwardingHttpRequest: the host sends the public request unchanged (path, query, headers) plus its own headers.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health?probe=1");
            request.Headers.Add("X-Azure-Functions-HostVersion", "4.1036.1.23224");
            request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
            request.Headers.Add("X-Forwarded-For", "203.0.113.7:50312");
            request.Headers.Add("X-ARR-LOG-ID", Guid.NewGuid().ToString());

            using var response = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
