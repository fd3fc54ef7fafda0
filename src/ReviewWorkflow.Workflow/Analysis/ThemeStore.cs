using Azure;
using Azure.Data.Tables;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Themes, tags and chosen quotes in their own table (Azure.Data.Tables; partition = cycle id). Themes and tags are
/// inserted (a repeat finds the row already there), untags delete the row that was read (guarded by its ETag), and quote
/// changes replace the theme row guarded by the ETag it was read with, so two leads' edits never overwrite each other.
/// Responses are never written here or anywhere by tagging. The table is made by the first write that finds it missing
/// (until then the cycle simply has no themes), so no start-up step has to wait for storage.
/// </summary>
public sealed class ThemeStore(TableClient table)
{
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The cycle's themes (in the order they were made) and tags: one partition query.</summary>
    public async Task<ThemeSet> ReadAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var themes = new List<Theme>();
        var tags = new List<ThemeTag>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}");
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                Add(entity, themes, tags);
            }
        }
        catch (RequestFailedException ex) when (IsTableMissing(ex))
        {
            return ThemeSet.Empty;
        }

        return new ThemeSet([.. themes.OrderBy(t => t.CreatedAt).ThenBy(t => t.Name, StringComparer.Ordinal)], tags);
    }

    private static void Add(TableEntity entity, List<Theme> themes, List<ThemeTag> tags)
    {
        if (entity.RowKey.StartsWith(ThemeRows.ThemePrefix, StringComparison.Ordinal))
        {
            themes.Add(ThemeRows.ThemeFrom(entity));
        }
        else if (entity.RowKey.StartsWith(ThemeRows.TagPrefix, StringComparison.Ordinal) && ThemeRows.TagFrom(entity) is { } tag)
        {
            tags.Add(tag);
        }
    }

    /// <summary>Inserts the theme; false when a theme with its id is already there (a retried request).</summary>
    public Task<bool> AddThemeAsync(string cycleId, Theme theme, CancellationToken cancellationToken = default) =>
        InsertAsync(ThemeRows.ToEntity(cycleId, theme), cancellationToken);

    /// <summary>Inserts the tag; false when that comment already carries the theme.</summary>
    public Task<bool> AddTagAsync(string cycleId, ThemeTag tag, CancellationToken cancellationToken = default) =>
        InsertAsync(ThemeRows.ToEntity(cycleId, tag), cancellationToken);

    /// <summary>Deletes the tag row as it was read; false when it is gone or changed since.</summary>
    public async Task<bool> RemoveTagAsync(string cycleId, ThemeTag tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        try
        {
            await _table.DeleteEntityAsync(cycleId, ThemeRows.TagKey(tag.ThemeId, tag.ConsulteeId, tag.Part), ThemeRows.ETagOf(tag.ETag), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Replaces the theme's quotes if the theme row is still the version <paramref name="theme"/> was read as;
    /// false when someone changed it meanwhile (read again and decide again).</summary>
    public async Task<bool> ReplaceQuotesAsync(string cycleId, Theme theme, IReadOnlyList<ThemeQuote> quotes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var entity = new TableEntity(cycleId, ThemeRows.ThemeKey(theme.Id)) { ["Quotes"] = ThemeRows.QuotesJson(quotes) };
        try
        {
            await _table.UpdateEntityAsync(entity, ThemeRows.ETagOf(theme.ETag), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task<bool> InsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (IsTableMissing(ex))
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static bool IsTableMissing(RequestFailedException ex) => ex.Status == 404 && ex.ErrorCode == "TableNotFound";
}
