using System.Net;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.Drive;

/// <summary>The API calls both runs make, with the waiting a script needs between them.</summary>
internal sealed class Steps(ApiClient api)
{
    private static readonly TimeSpan StageDeadline = TimeSpan.FromMinutes(6);

    /// <summary>Calls that ended without success, with what the app said.</summary>
    public List<string> Failures { get; } = [];

    public ApiClient Api => api;

    /// <summary>A state-changing call with one idempotency key for all its attempts. A 409 is definitive but may mean
    /// "not yet" (the stage's orchestration is still starting), so it is repeated, with the same key, for a while.</summary>
    public async Task<ApiResult> CommandAsync(HttpMethod method, string path, object? body, string key, string? user, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var result = await api.CallAsync(method, path, body, user, key, cancellationToken).ConfigureAwait(false);
            if (result.Ok || result.Status != HttpStatusCode.Conflict || DateTime.UtcNow > deadline)
            {
                if (!result.Ok)
                {
                    Fail($"{method} {path} [{key}] → {(int)result.Status} {ApiClient.Truncate(result.Text)}");
                }

                return result;
            }

            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ApiResult> GetCycleAsync(string id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Get, $"api/cycles/{Uri.EscapeDataString(id)}", user: CyclePlan.Lead, cancellationToken: cancellationToken);

    /// <summary>Polls the cycle until <paramref name="done"/> holds; false (and a failure noted) after the deadline.</summary>
    public async Task<bool> WaitForAsync(string id, Func<JsonNode, bool> done, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StageDeadline;
        ApiResult? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetCycleAsync(id, cancellationToken).ConfigureAwait(false);
            if (last.Ok && last.Body is { } body && done(body))
            {
                return true;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        Fail($"{id}: waited {StageDeadline} for {what}; last {(int?)last?.Status} {ApiClient.Truncate(last?.Text ?? "")}");
        return false;
    }

    public static string? Stage(JsonNode cycle) => JsonRead.Text(cycle, "stage");

    public static string? CurrentBody(JsonNode cycle) => JsonRead.Text(cycle, "currentBody");

    /// <summary>Decisions recorded, summed over the route's bodies.</summary>
    public static int Decisions(JsonNode cycle) =>
        JsonRead.Array(cycle, "route")?.Sum(step => JsonRead.Array(step, "decisions")?.Count ?? 0) ?? 0;

    public static bool StageIs(JsonNode cycle, string stage) => string.Equals(Stage(cycle), stage, StringComparison.OrdinalIgnoreCase);

    public static bool WithBody(JsonNode cycle, string body) => StageIs(cycle, "ratification") && CurrentBody(cycle) == body;

    /// <summary>The meeting date of <paramref name="body"/> on the route as it stands (deferrals applied).</summary>
    public static string? MeetingDate(JsonNode cycle, string body) =>
        JsonRead.Array(cycle, "route")?.FirstOrDefault(step => JsonRead.Text(step, "body") == body) is { } step ? JsonRead.Text(step, "meetingDate") : null;

    public async Task JumpClockAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await api.CallAsync(HttpMethod.Post, "dev/clock", new { now }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            throw new InvalidOperationException($"POST /dev/clock answered {(int)result.Status}: {result.Text}");
        }

        Log.Say($"Clock now {now:yyyy-MM-dd HH:mm} UTC");
    }

    public async Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
        => await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                try
                {
                    await body(item, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    Fail(ex.Message);
                }
            }).ConfigureAwait(false);

    public void Fail(string message)
    {
        lock (Failures)
        {
            Failures.Add(message);
        }

        Log.Say("FAILED " + message);
    }
}
