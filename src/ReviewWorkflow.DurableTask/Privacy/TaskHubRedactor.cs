using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ReviewWorkflow.DurableTask.Privacy;

/// <summary>
/// Takes personal values out of what the Durable Task Framework stored for a family of instances (an id and every
/// "{id}:…" child): the rows of <c>{hub}Instances</c> and <c>{hub}History</c> (inputs, results, custom status, event
/// payloads) and the gzip blobs in <c>{hub}-largemessages</c> that hold payloads too large for a row. Each value is
/// replaced as written and as JSON escapes it, so a replayed orchestration reads the same shape of data with the
/// replacement in place (its steps do not depend on names or addresses, only on ids). Rows are replaced guarded by the
/// ETag read; one that changed meanwhile is read and rewritten again.
/// </summary>
public sealed class TaskHubRedactor
{
    private readonly TableClient _instances;
    private readonly TableClient _history;
    private readonly BlobContainerClient _largeMessages;

    internal TaskHubRedactor(TableClient instances, TableClient history, BlobContainerClient largeMessages)
    {
        _instances = instances;
        _history = history;
        _largeMessages = largeMessages;
    }

    /// <summary>Rewrites every row and blob of <paramref name="instanceId"/> and its children that holds one of the values;
    /// returns how many rows and blobs changed.</summary>
    public async Task<int> RedactAsync(string instanceId, IReadOnlyList<TaskHubRedaction> redactions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(redactions);
        var patterns = Patterns(redactions);
        if (patterns.Count == 0)
        {
            return 0;
        }

        var changed = 0;
        foreach (var table in new[] { _instances, _history })
        {
            changed += await RedactRowsAsync(table, instanceId, patterns, cancellationToken).ConfigureAwait(false);
        }

        changed += await RedactBlobsAsync(instanceId, patterns, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Whether any row or blob of the family still holds one of <paramref name="values"/> (as written or JSON-escaped).</summary>
    public async Task<bool> ContainsAsync(string instanceId, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        var patterns = Patterns([.. values.Select(v => new TaskHubRedaction(v, "", IgnoreCase: true))]);
        foreach (var table in new[] { _instances, _history })
        {
            await foreach (var row in FamilyAsync(table, instanceId, cancellationToken).ConfigureAwait(false))
            {
                if (row.Select(p => p.Value).OfType<string>().Any(text => patterns.Any(p => p.Pattern.IsMatch(text))))
                {
                    return true;
                }
            }
        }

        await foreach (var blob in FamilyBlobsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var text = await DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            if (patterns.Any(p => p.Pattern.IsMatch(text)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(Regex Pattern, string Replace)> Patterns(IReadOnlyList<TaskHubRedaction> redactions)
    {
        var patterns = new List<(Regex, string)>();
        foreach (var r in redactions.Where(r => !string.IsNullOrWhiteSpace(r.Find)).OrderByDescending(r => r.Find.Length))
        {
            var options = RegexOptions.CultureInvariant | (r.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            var escaped = JsonEncodedText.Encode(r.Find).ToString();
            var replaceEscaped = JsonEncodedText.Encode(r.Replace).ToString();
            if (escaped != r.Find)
            {
                patterns.Add((Whole(escaped, options), replaceEscaped));
            }

            patterns.Add((Whole(r.Find, options), r.Replace));
        }

        return patterns;
    }

    /// <summary>The value as a whole word: "Pat" is replaced in "Pat Carer" and "Pat", never inside "Patterns".</summary>
    private static Regex Whole(string value, RegexOptions options) =>
        new(@"(?<![\p{L}\p{N}])" + Regex.Escape(value) + @"(?![\p{L}\p{N}])", options, TimeSpan.FromSeconds(5));

    private static string Apply(string text, List<(Regex Pattern, string Replace)> patterns)
    {
        foreach (var (pattern, replace) in patterns)
        {
            text = pattern.Replace(text, replace.Replace("$", "$$", StringComparison.Ordinal));
        }

        return text;
    }

    private static async Task<int> RedactRowsAsync(TableClient table, string instanceId, List<(Regex, string)> patterns, CancellationToken cancellationToken)
    {
        var changed = 0;
        await foreach (var row in FamilyAsync(table, instanceId, cancellationToken).ConfigureAwait(false))
        {
            var current = row;
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var dirty = false;
                foreach (var key in current.Keys.ToList())
                {
                    if (key is "PartitionKey" or "RowKey" or "odata.etag" || current[key] is not string text)
                    {
                        continue;
                    }

                    var redacted = Apply(text, patterns);
                    if (!string.Equals(redacted, text, StringComparison.Ordinal))
                    {
                        current[key] = redacted;
                        dirty = true;
                    }
                }

                if (!dirty)
                {
                    break;
                }

                try
                {
                    await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    changed++;
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status is 412)
                {
                    // The engine wrote the row meanwhile: read it again.
                    var fresh = await table.GetEntityIfExistsAsync<TableEntity>(current.PartitionKey, current.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (!fresh.HasValue)
                    {
                        break;
                    }

                    current = fresh.Value!;
                }
            }
        }

        return changed;
    }

    private async Task<int> RedactBlobsAsync(string instanceId, List<(Regex, string)> patterns, CancellationToken cancellationToken)
    {
        var changed = 0;
        await foreach (var blob in FamilyBlobsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var text = await DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            var redacted = Apply(text, patterns);
            if (string.Equals(redacted, text, StringComparison.Ordinal))
            {
                continue;
            }

            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(redacted), cancellationToken).ConfigureAwait(false);
            }

            compressed.Position = 0;
            await _largeMessages.GetBlobClient(blob.Name).UploadAsync(compressed, overwrite: true, cancellationToken).ConfigureAwait(false);
            changed++;
        }

        return changed;
    }

    private async Task<string> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        var download = await _largeMessages.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(download.Value.Content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of the instance and its children ("{id}:…"; ':' sorts before ';').</summary>
    private static async IAsyncEnumerable<TableEntity> FamilyAsync(TableClient table, string instanceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} or (PartitionKey gt {instanceId + ":"} and PartitionKey lt {instanceId + ";"})");
        AsyncPageable<TableEntity> rows;
        try
        {
            rows = table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            yield break;
        }

        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private async IAsyncEnumerable<BlobItem> FamilyBlobsAsync(string instanceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await _largeMessages.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        // Blob names start with the instance id then '/'; children's with "{id}:".
        await foreach (var blob in _largeMessages.GetBlobsAsync(BlobTraits.None, BlobStates.None, instanceId, cancellationToken).ConfigureAwait(false))
        {
            var rest = blob.Name[instanceId.Length..];
            if (rest.StartsWith('/') || rest.StartsWith(':'))
            {
                yield return blob;
            }
        }
    }
}
