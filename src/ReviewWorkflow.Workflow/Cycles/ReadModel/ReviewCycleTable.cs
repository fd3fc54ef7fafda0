using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Caching;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Cycles.ReadModel;

/// <summary>
/// The <c>ReviewCycles</c> read model on Azure.Data.Tables: one row per cycle in one partition (a council runs tens of
/// cycles, so the list is one query). The start row is inserted once by the façade; after that only
/// <see cref="ProjectAsync"/> changes it, guarded by the revision and the row's ETag so a stale or repeated projection
/// never overwrites a newer one. Plain columns (title, stage, dates) make the table readable in Storage Explorer; the
/// definition and status are JSON, split over numbered columns when longer than a Table property may be.
/// </summary>
public sealed class ReviewCycleTable(TableClient table)
{
    public const string Partition = "cycle";

    /// <summary>Characters per JSON column (a Table string property holds 64 KiB of UTF-16).</summary>
    private const int ChunkChars = 30_000;

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// The cycle's row. Every consultee's GET, save and submission reads it (for the response rules), so the row last
    /// read is held with its ETag and a read first asks for the ETag alone: the whole row (a few KB of JSON to send
    /// and parse) only comes again when it changed. Always current: any write changes the ETag.
    /// </summary>
    public async Task<ReviewCycleRecord?> GetAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleId);
        if (_held.TryGet(cycleId, out var held))
        {
            var tag = await ReadAsync(cycleId, cancellationToken, EtagOnly).ConfigureAwait(false);
            if (tag is null)
            {
                return null;
            }

            if (tag.ETag == held.ETag)
            {
                return held.Record;
            }
        }

        var row = await ReadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var record = FromEntity(row);
        _held.Set(cycleId, (row.ETag, record));
        return record;
    }

    private static readonly string[] EtagOnly = ["Revision"];

    private readonly BoundedCache<string, (ETag ETag, ReviewCycleRecord Record)> _held = new(512);

    /// <summary>Every cycle (one partition query).</summary>
    public async Task<IReadOnlyList<ReviewCycleRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<ReviewCycleRecord>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                records.Add(FromEntity(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return records;
    }

    /// <summary>Inserts the start row; false when the cycle already has one (a retried start, or the id taken).</summary>
    public async Task<bool> AddAsync(ReviewCycleRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies a published status when it is newer than the row's (higher <paramref name="revision"/>); false when the
    /// row already holds this revision or a later one (the activity ran again, or late). A row that is missing (the
    /// start row was lost) is made from the status alone. With <paramref name="start"/> (the parent's first status), what
    /// was started is taken from it.
    /// </summary>
    public async Task<bool> ProjectAsync(string cycleId, int revision, CycleStatus status, ReviewCycleRecord? start = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        while (true)
        {
            var row = await ReadAsync(cycleId, cancellationToken).ConfigureAwait(false);
            if (row is not null && (row.GetInt32("Revision") ?? 0) >= revision)
            {
                return false;
            }

            var record = start ?? (row is null
                ? new ReviewCycleRecord { CycleId = cycleId, Definition = new ReviewCycleDefinition { Id = cycleId, Strategy = new Strategy { Title = status.Title }, Route = status.Route } }
                : FromEntity(row));
            var entity = ToEntity(record with { Revision = revision, Status = status });
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another projection (or the start row) landed meanwhile: read again and compare revisions.
            }
        }
    }

    private async Task<TableEntity?> ReadAsync(string cycleId, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        try
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, cycleId, select, cancellationToken).ConfigureAwait(false);
            return found.HasValue ? found.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // the table itself is not there yet
        }
    }

    private static TableEntity ToEntity(ReviewCycleRecord record)
    {
        var status = record.Status;
        var entity = new TableEntity(Partition, record.CycleId)
        {
            ["Title"] = status.Title.Length > 0 ? status.Title : record.Definition.Strategy.Title,
            ["Stage"] = status.Stage.ToString(),
            ["Version"] = record.Version,
            ["Revision"] = record.Revision,
            ["StartedBy"] = record.StartedBy,
            ["StartedAt"] = record.StartedAt,
            ["UpdatedAt"] = status.UpdatedAt == default ? record.StartedAt : new DateTimeOffset(DateTime.SpecifyKind(status.UpdatedAt, DateTimeKind.Utc)),
            ["ConsultationCloses"] = status.ConsultationCloses.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CurrentBody"] = status.CurrentBody,
            ["Settings"] = JsonSerializer.Serialize(record.Settings, WorkflowJson.Options),
        };
        Put(entity, "Definition", JsonSerializer.Serialize(record.Definition, WorkflowJson.Options));
        Put(entity, "Status", JsonSerializer.Serialize(status, WorkflowJson.Options));
        return entity;
    }

    private static ReviewCycleRecord FromEntity(TableEntity row) => new()
    {
        CycleId = row.RowKey,
        Definition = JsonSerializer.Deserialize<ReviewCycleDefinition>(Get(row, "Definition"), WorkflowJson.Options) ?? new(),
        Settings = row.GetString("Settings") is { Length: > 0 } settings
            ? JsonSerializer.Deserialize<CouncilSettings>(settings, WorkflowJson.Options) ?? CouncilSettings.Default
            : CouncilSettings.Default,
        StartedBy = row.GetString("StartedBy") ?? "",
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        Version = row.GetString("Version") ?? OrchestrationNames.CurrentVersion,
        Revision = row.GetInt32("Revision") ?? 0,
        Status = JsonSerializer.Deserialize<CycleStatus>(Get(row, "Status"), WorkflowJson.Options) ?? new(),
    };

    /// <summary>Writes <paramref name="json"/> to <paramref name="name"/>, continuing in name1, name2, … when long.</summary>
    private static void Put(TableEntity entity, string name, string json)
    {
        for (int i = 0, start = 0; start < json.Length || i == 0; i++, start += ChunkChars)
        {
            entity[i == 0 ? name : name + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(start, Math.Min(ChunkChars, json.Length - start));
        }
    }

    private static string Get(TableEntity row, string name)
    {
        var json = new StringBuilder(row.GetString(name) ?? "{}");
        for (var i = 1; row.GetString(name + i.ToString(CultureInfo.InvariantCulture)) is { } more; i++)
        {
            json.Append(more);
        }

        return json.ToString();
    }
}
