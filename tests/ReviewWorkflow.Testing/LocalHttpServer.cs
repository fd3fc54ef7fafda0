using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Testing;

/// <summary>A request as the fake server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Kestrel on 127.0.0.1 with a free port, recording every request and answering with a script.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Exceptions the fake's own handler threw (a fault of the test double).</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    /// <param name="respond">Writes the response for the request; the int is the 1-based request number.</param>
    public static async Task<LocalHttpServer> StartAsync(Func<RecordedRequest, int, HttpResponse, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalHttpServer? server = null;
        var count = 0;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body);
            server!.Requests.Enqueue(recorded);
            try
            {
                await respond(recorded, Interlocked.Increment(ref count), context.Response);
            }
            catch (Exception ex) when (!context.Response.HasStarted)
            {
                // A fake that throws is a broken test double, not the service under test: say so in the answer and in
                // the test output instead of Kestrel's bare 500.
                Console.Error.WriteLine($"LocalHttpServer: the fake's handler threw on {recorded.Method} {recorded.Path} (body {recorded.Body.Length} chars): {ex}");
                server.Failures.Enqueue(ex);
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("fake handler failed: " + ex.Message);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LocalHttpServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
