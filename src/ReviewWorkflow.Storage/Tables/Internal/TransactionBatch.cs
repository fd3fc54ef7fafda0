using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReviewWorkflow.Storage.Tables.Internal;

/// <summary>
/// The multipart/mixed body of an entity group transaction (one batch holding one changeset) and the parser of the
/// service's multipart answer.
/// </summary>
internal static partial class TransactionBatch
{
    public const int MaxOperations = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Checks the rules the service enforces, so a bad transaction fails before it is sent.</summary>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxOperations)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A transaction needs 1..{MaxOperations} operations; got {actions.Count}."), nameof(actions));
        }

        var partitionKey = actions[0]?.Entity?.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Transaction operation {i} is null."), nameof(actions));
            var entity = action.Entity ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Transaction operation {i} has no entity."), nameof(actions));
            try
            {
                if (action.ActionType == TableTransactionActionType.Delete)
                {
                    EntityValidator.ValidateKey(entity.PartitionKey, nameof(TableEntity.PartitionKey));
                    EntityValidator.ValidateKey(entity.RowKey, nameof(TableEntity.RowKey));
                }
                else
                {
                    EntityValidator.ValidateEntity(entity);
                }
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Transaction operation {i}: {ex.Message}"), nameof(actions), ex);
            }

            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Transaction operation {i} is in another partition; all operations of a transaction must share one PartitionKey."), nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Transaction operation {i} repeats a RowKey; each entity may appear only once in a transaction."), nameof(actions));
            }
        }
    }

    /// <summary>Builds the body; <paramref name="batchBoundary"/> goes in the outer Content-Type.</summary>
    public static byte[] Build(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        var baseUrl = endpoint.AbsoluteUri.TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("--").Append(batchBoundary).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            var (method, withKeys, ifMatch, body) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", false, null, true),
                TableTransactionActionType.UpdateReplace => ("PUT", true, action.ETag ?? "*", true),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, action.ETag ?? "*", true),
                TableTransactionActionType.UpsertReplace => ("PUT", true, null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, null, true),
                TableTransactionActionType.Delete => ("DELETE", true, action.ETag ?? "*", false),
                _ => throw new ArgumentException($"Unknown transaction action {action.ActionType}.", nameof(actions)),
            };
            var url = baseUrl + (withKeys ? TableUris.EntityPath(table, entity.PartitionKey, entity.RowKey) : "/" + table);

            sb.Append("--").Append(changesetBoundary).Append("\r\n");
            sb.Append("Content-Type: application/http\r\n");
            sb.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            sb.Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
            sb.Append("Accept: application/json;odata=minimalmetadata\r\n");
            sb.Append("DataServiceVersion: 3.0;\r\n");
            sb.Append("Content-ID: ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (body)
            {
                sb.Append("Content-Type: application/json\r\n");
                if (action.ActionType == TableTransactionActionType.Add)
                {
                    sb.Append("Prefer: return-no-content\r\n");
                }

                sb.Append("\r\n");
                sb.Append(Encoding.UTF8.GetString(EntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changesetBoundary).Append("--\r\n");
        sb.Append("--").Append(batchBoundary).Append("--\r\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        if (bytes.Length > MaxBodyBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The transaction is {bytes.Length:N0} bytes; the Table service allows at most 4 MiB."), nameof(actions));
        }

        return bytes;
    }

    /// <summary>One HTTP response inside the multipart answer.</summary>
    public sealed record PartResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Extracts every embedded "HTTP/1.1 NNN" response, in order, ignoring the MIME framing.</summary>
    public static List<PartResponse> Parse(string body)
    {
        var results = new List<PartResponse>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            var match = StatusLine().Match(lines[i]);
            if (!match.Success)
            {
                i++;
                continue;
            }

            var status = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            results.Add(new PartResponse(status, headers, content.ToString().Trim()));
        }

        return results;
    }

    /// <summary>
    /// The zero-based index of the failing operation: from the "N:" prefix the service puts on the error message, else
    /// from Content-ID (we send 1-based ids, Azurite numbers them the same way), else -1.
    /// </summary>
    public static int FailedIndex(PartResponse failed, string? errorMessage, int operationCount)
    {
        if (errorMessage is not null)
        {
            var prefix = IndexPrefix().Match(errorMessage);
            if (prefix.Success && int.TryParse(prefix.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < operationCount)
            {
                return index;
            }
        }

        if (failed.Headers.TryGetValue("Content-ID", out var contentId)
            && int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= operationCount)
        {
            return id - 1;
        }

        return -1;
    }

    [GeneratedRegex(@"^HTTP/1\.[01] (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
