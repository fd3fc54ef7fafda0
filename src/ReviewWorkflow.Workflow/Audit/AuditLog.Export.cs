using System.Globalization;
using System.Text;

namespace ReviewWorkflow.Workflow.Audit;

public sealed partial class AuditLog
{
    /// <summary>The CSV header, in column order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["sequence", "time", "actor", "role", "action", "subject", "details", "requestId", "messageId", "idempotencyKey", "previousHash", "hash"];

    /// <summary>
    /// Writes the cycle's trail as RFC 4180 CSV (UTF-8 with a byte-order mark so spreadsheets read accents, CRLF line ends,
    /// a header row), every cell passed through <see cref="CsvCell.Escape"/>. The stream is left open.
    /// </summary>
    public async Task ExportCsvAsync(string cycleId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\r\n";
            await WriteLineAsync(writer, CsvColumns).ConfigureAwait(false);
            await foreach (var e in ReadAsync(cycleId, cancellationToken).ConfigureAwait(false))
            {
                await WriteLineAsync(writer,
                [
                    e.Sequence.ToString(CultureInfo.InvariantCulture), AuditHasher.FormatTime(e.Time), e.Actor, AuditRoles.ToText(e.Role), e.Action,
                    e.Subject, e.Details, e.RequestId, e.MessageId, e.IdempotencyKey, e.PreviousHash, e.Hash,
                ]).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteLineAsync(StreamWriter writer, IReadOnlyList<string?> cells) =>
        writer.WriteLineAsync(string.Join(',', cells.Select(CsvCell.Escape)));
}
