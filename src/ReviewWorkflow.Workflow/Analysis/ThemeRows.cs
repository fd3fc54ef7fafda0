using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Table layout of the themes table: partition = cycle id; row "theme|{themeId}" is a theme (name, who made it, the
/// chosen quotes as JSON); row "tag|{themeId}|{consulteeId}|{part}" is one tag. So a cycle's themes and tags are one
/// partition query, and tagging the same comment twice is the same row (an insert that conflicts).
/// </summary>
internal static class ThemeRows
{
    public const string ThemePrefix = "theme|";
    public const string TagPrefix = "tag|";

    private sealed record QuoteJson(string ConsulteeId, string Part);

    public static string ThemeKey(string themeId) => ThemePrefix + themeId;

    public static string TagKey(string themeId, string consulteeId, TagPart part) => $"{TagPrefix}{themeId}|{consulteeId}|{part.Text}";

    public static TableEntity ToEntity(string cycleId, Theme theme) => new(cycleId, ThemeKey(theme.Id))
    {
        ["Kind"] = "theme",
        ["Name"] = theme.Name,
        ["CreatedBy"] = theme.CreatedBy,
        ["CreatedAt"] = theme.CreatedAt,
        ["Quotes"] = QuotesJson(theme.Quotes),
    };

    public static string QuotesJson(IEnumerable<ThemeQuote> quotes) =>
        JsonSerializer.Serialize(quotes.Select(q => new QuoteJson(q.ConsulteeId, q.Part.Text)).ToList(), WorkflowJson.Options);

    public static TableEntity ToEntity(string cycleId, ThemeTag tag) => new(cycleId, TagKey(tag.ThemeId, tag.ConsulteeId, tag.Part))
    {
        ["Kind"] = "tag",
        ["ThemeId"] = tag.ThemeId,
        ["ConsulteeId"] = tag.ConsulteeId,
        ["Part"] = tag.Part.Text,
        ["TaggedBy"] = tag.TaggedBy,
        ["TaggedAt"] = tag.TaggedAt,
    };

    public static Theme ThemeFrom(TableEntity entity) => new()
    {
        Id = entity.RowKey[ThemePrefix.Length..],
        Name = entity.GetString("Name") ?? "",
        CreatedBy = entity.GetString("CreatedBy") ?? "",
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
        Quotes = [.. (JsonSerializer.Deserialize<List<QuoteJson>>(entity.GetString("Quotes") ?? "[]", WorkflowJson.Options) ?? [])
            .Select(q => TagPart.Parse(q.Part) is { } part ? new ThemeQuote(q.ConsulteeId, part) : null)
            .OfType<ThemeQuote>()],
        ETag = entity.ETag == default ? null : entity.ETag.ToString(),
    };

    public static ThemeTag? TagFrom(TableEntity entity) =>
        TagPart.Parse(entity.GetString("Part")) is { } part
            ? new ThemeTag(entity.GetString("ThemeId") ?? "", entity.GetString("ConsulteeId") ?? "", part, entity.GetString("TaggedBy") ?? "",
                entity.GetDateTimeOffset("TaggedAt") ?? default) { ETag = entity.ETag == default ? null : entity.ETag.ToString() }
            : null;

    public static ETag ETagOf(string? etag) => string.IsNullOrEmpty(etag) ? ETag.All : new ETag(etag);
}
