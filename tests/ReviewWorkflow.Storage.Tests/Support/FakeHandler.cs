using System.Net;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;

namespace ReviewWorkflow.Storage.Tests.Support;

/// <summary>An HTTP handler that records requests and answers from a script, for pipeline tests without a server.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        => _respond = (request, index, _) => Task.FromResult(respond(request, index));

    public FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    public static HttpResponseMessage Respond(HttpStatusCode status, string? json = null, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "", System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Options whose pipeline ends in this handler, with no retry delay.</summary>
    public StorageOptions Options(int maxRetries = 3)
    {
        var options = new StorageOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) };
        options.Transport = new HttpClientTransport(this);
        return options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int index;
        lock (Requests)
        {
            Requests.Add(request);
            index = Requests.Count - 1;
        }

        Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        return await _respond(request, index, cancellationToken);
    }
}
