using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.Outbox;

/// <summary>
/// The sender used when no SendGrid key is configured: each message becomes <c>{id}.json</c> (everything, plus the
/// links found in it), <c>{id}.html</c> and <c>{id}.txt</c> in one folder. File names come only from the time and a
/// new GUID, never from a message field, so no subject or address can steer a path. Safe for concurrent use: names
/// are unique and the JSON file is written under a temporary name and renamed, so readers never see half a message.
/// </summary>
public sealed partial class LocalOutboxEmailSender : IEmailSender, IOutbox
{
    public const string ProviderName = "LocalOutbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalOutboxEmailSender> _logger;

    /// <param name="folder">The outbox folder (created if missing).</param>
    public LocalOutboxEmailSender(string folder, TimeProvider time, ILogger<LocalOutboxEmailSender> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        _time = time;
        _logger = logger;
    }

    /// <summary>The full path of the outbox folder.</summary>
    public string Folder => _folder;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailValidation.Validate(message);
        var sentAt = _time.GetUtcNow();
        var id = sentAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var record = new OutboxMessage(
            id,
            message.To.Address,
            message.To.DisplayName,
            message.Subject,
            message.TextBody ?? string.Empty,
            message.HtmlBody ?? string.Empty,
            sentAt,
            LinkExtractor.Extract(message.TextBody, message.HtmlBody),
            message.Categories,
            message.CustomArgs,
            message.IdempotencyKey,
            message.Attachments.Count > 0 ? message.Attachments : null);

        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(PathFor(id, ".html"), record.HtmlBody, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(PathFor(id, ".txt"), record.TextBody, cancellationToken).ConfigureAwait(false);
        var jsonPath = PathFor(id, ".json");
        var temporary = PathFor(id, ".json.tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, jsonPath);

        Log.OutboxWritten(_logger, message.IdempotencyKey, id);
        return new EmailSendResult(id, ProviderName, sentAt);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var messages = new List<OutboxMessage>();
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            if (await ReadAsync(file, cancellationToken).ConfigureAwait(false) is { } message)
            {
                messages.Add(message);
            }
        }

        return [.. messages.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)];
    }

    public async Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            return null;
        }

        var path = PathFor(id, ".json");
        return File.Exists(path) ? await ReadAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<int> DeleteToAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var deleted = 0;
        foreach (var message in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(message.To.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var extension in new[] { ".json", ".html", ".txt" })
                {
                    File.Delete(PathFor(message.Id, extension));
                }

                deleted++;
            }
        }

        return deleted;
    }

    private async Task<OutboxMessage?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<OutboxMessage>(stream, Json, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            Log.OutboxFileUnreadable(_logger, Path.GetFileName(path), ex);
            return null;
        }
    }

    private string PathFor(string id, string extension)
    {
        var path = Path.GetFullPath(Path.Combine(_folder, id + extension));

        // Ids are generated here or matched against IdPattern; this is a second line of defence.
        if (!string.Equals(Path.GetDirectoryName(path), _folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Outbox file name escaped the outbox folder.");
        }

        return path;
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
