using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Drive;

/// <summary>One answer from the app: status, parsed JSON body (when JSON), Location, how long the last attempt took
/// and how many attempts it needed.</summary>
internal sealed record ApiResult(HttpStatusCode Status, JsonNode? Body, string Text, Uri? Location, TimeSpan Elapsed, int Attempts)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    /// <summary>An answer the app meant: any 2xx, or a 4xx other than timeout / too many requests.</summary>
    public bool Definitive => Ok || ((int)Status is >= 400 and < 500 && Status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests));
}

/// <summary>
/// Calls the app as a script would: JSON in and out, <c>X-Dev-User</c> to sign in, an <c>Idempotency-Key</c> on every
/// state-changing call. <see cref="CallAsync"/> repeats a call with the SAME key until the answer is definitive, across
/// refused connections, resets, timeouts and 5xx while the app is down or restarting.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(6);

    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress, int maxConnections = 64, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    /// <summary>Attempts that failed and were retried (connection errors, timeouts, 5xx, 408, 429).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    private long _retries;

    public async Task<ApiResult> CallAsync(HttpMethod method, string path, object? body = null, string? user = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var result = await SendOnceAsync(method, path, body, user, idempotencyKey, cancellationToken).ConfigureAwait(false);
                if (result.Definitive)
                {
                    return result with { Attempts = attempt };
                }

                failure = $"{(int)result.Status} {Truncate(result.Text)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                failure = ex.GetType().Name + ": " + ex.Message;
            }

            Interlocked.Increment(ref _retries);
            if (started.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"{method} {path} got no definitive answer in {GiveUpAfter} ({attempt} attempts); last: {failure}");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 2000));
        }
    }

    /// <summary>One attempt, timed (for the load run, which counts failures instead of retrying).</summary>
    public async Task<ApiResult> SendOnceAsync(HttpMethod method, string path, object? body = null, string? user = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (user is not null)
        {
            request.Headers.Add("X-Dev-User", user);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var watch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        watch.Stop();
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && text.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }
        }

        return new ApiResult(response.StatusCode, json, text, response.Headers.Location, watch.Elapsed, 1);
    }

    public static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _http.Dispose();
}
