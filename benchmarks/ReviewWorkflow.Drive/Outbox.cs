using System.Text.Json;

namespace ReviewWorkflow.Drive;

/// <summary>A message as the app's local outbox writes it (<c>{id}.json</c>), read straight from the folder.</summary>
internal sealed record OutboxFile(string Id, string To, string Subject, DateTimeOffset SentAt, IReadOnlyList<string> Links, IReadOnlyDictionary<string, string>? CustomArgs, string IdempotencyKey)
{
    public string? CycleId => CustomArgs is not null && CustomArgs.TryGetValue("cycleId", out var id) ? id : null;
}

/// <summary>Reads tokens through <c>GET /api/outbox</c> (as a script follows emailed links) and, for the final
/// counts, every message file in the outbox folder (they carry the idempotency key and cycle id the API leaves out).</summary>
internal static class Outbox
{
    /// <summary>Fills <see cref="PlannedConsultee.Token"/> from the consultation requests in the outbox; true when every consultee has one.</summary>
    public static async Task<bool> CollectTokensAsync(ApiClient api, IEnumerable<PlannedCycle> cycles, CancellationToken cancellationToken)
    {
        var byEmail = cycles.SelectMany(c => c.Consultees).Where(c => c.Token is null).ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase);
        if (byEmail.Count == 0)
        {
            return true;
        }

        var result = await api.CallAsync(HttpMethod.Get, "api/outbox", user: CyclePlan.Lead, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.Ok || result.Body is not System.Text.Json.Nodes.JsonArray messages)
        {
            throw new InvalidOperationException($"GET /api/outbox answered {(int)result.Status}: {ApiClient.Truncate(result.Text)}");
        }

        foreach (var message in messages)
        {
            var to = JsonRead.Text(message, "to");
            if (to is null || !byEmail.TryGetValue(to, out var consultee))
            {
                continue;
            }

            var link = JsonRead.Array(message, "links")?.Select(l => l?.GetValue<string>()).FirstOrDefault(l => l is not null && l.Contains("/respond/", StringComparison.Ordinal));
            if (link is not null)
            {
                consultee.Token = Uri.UnescapeDataString(link[(link.LastIndexOf("/respond/", StringComparison.Ordinal) + "/respond/".Length)..].Split('?', '#')[0]);
                byEmail.Remove(to);
            }
        }

        return byEmail.Count == 0;
    }

    public static IReadOnlyList<OutboxFile> ReadFolder(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        var messages = new List<OutboxFile>();
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<OutboxFile>(File.ReadAllText(file), ApiClient.Json) is { } message)
                {
                    messages.Add(message);
                }
            }
            catch (JsonException ex)
            {
                Log.Say($"Unreadable outbox file {Path.GetFileName(file)}: {ex.Message}");
            }
        }

        return messages;
    }
}
