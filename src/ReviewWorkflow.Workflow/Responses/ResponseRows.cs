using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>
/// Table layout: partition = cycle id. Row "{consulteeId}" is the response; rows "{consulteeId}|draft|{ticks}|{n}" keep
/// attempted versions that lost a race or were refused. Each answer is its own property ("A01".."A50") because a table
/// string property holds at most 32K characters and 50 answers of 5,000 characters would not fit in one.
/// </summary>
internal static class ResponseRows
{
    public const string DraftMarker = "|draft|";

    public static string DraftPrefix(string consulteeId) => consulteeId + DraftMarker;

    /// <summary>The first key after every draft of the consultee ('}' follows '|').</summary>
    public static string DraftEnd(string consulteeId) => consulteeId + "|draft}";

    public static TableEntity ToEntity(StoredResponse response)
    {
        var entity = new TableEntity(response.CycleId, response.ConsulteeId)
        {
            ["Kind"] = "response",
            ["Status"] = response.Status.ToString(),
            ["Late"] = response.Late,
            ["StartedAt"] = response.StartedAt,
            ["UpdatedAt"] = response.UpdatedAt,
            ["SubmittedAt"] = response.SubmittedAt,
            ["SubmittedBy"] = response.SubmittedBy,
            ["Version"] = response.Version,
            ["Contributors"] = JsonSerializer.Serialize(response.Contributors, WorkflowJson.Options),
        };
        if (response.Erased)
        {
            entity["Erased"] = true;
        }

        WriteContent(entity, response.Content);
        return entity;
    }

    public static StoredResponse FromEntity(TableEntity entity) => new()
    {
        CycleId = entity.PartitionKey,
        ConsulteeId = entity.RowKey,
        Content = ReadContent(entity),
        Status = Enum.TryParse<ResponseStatus>(entity.GetString("Status"), out var status) ? status : ResponseStatus.InProgress,
        Late = entity.GetBoolean("Late") ?? false,
        StartedAt = entity.GetDateTimeOffset("StartedAt"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt"),
        SubmittedAt = entity.GetDateTimeOffset("SubmittedAt"),
        SubmittedBy = entity.GetString("SubmittedBy"),
        Version = entity.GetInt32("Version") ?? 0,
        Contributors = JsonSerializer.Deserialize<List<ResponseContributor>>(entity.GetString("Contributors") ?? "[]", WorkflowJson.Options) ?? [],
        ETag = entity.ETag == default ? null : entity.ETag.ToString(),
        Erased = entity.GetBoolean("Erased") ?? false,
    };

    public static TableEntity ToDraftEntity(string cycleId, string draftId, ResponseContent content, string contributor, string reason, string? basedOnETag, DateTimeOffset savedAt)
    {
        var entity = new TableEntity(cycleId, draftId)
        {
            ["Kind"] = "draft",
            ["Contributor"] = contributor,
            ["Reason"] = reason,
            ["BasedOnETag"] = basedOnETag,
            ["SavedAt"] = savedAt,
        };
        WriteContent(entity, content);
        return entity;
    }

    public static ResponseDraft FromDraftEntity(TableEntity entity) => new(
        entity.RowKey,
        ReadContent(entity),
        entity.GetString("Contributor") ?? "",
        entity.GetString("Reason") ?? "",
        entity.GetDateTimeOffset("SavedAt") ?? default);

    private static void WriteContent(TableEntity entity, ResponseContent content)
    {
        entity["Comments"] = content.Comments;
        entity["Answers"] = content.Answers.Count;
        for (var i = 0; i < content.Answers.Count; i++)
        {
            entity[AnswerProperty(i)] = JsonSerializer.Serialize(content.Answers[i], WorkflowJson.Options);
        }
    }

    private static ResponseContent ReadContent(TableEntity entity)
    {
        var count = entity.GetInt32("Answers") ?? 0;
        var answers = new List<PledgeAnswer>(count);
        for (var i = 0; i < count; i++)
        {
            if (entity.GetString(AnswerProperty(i)) is { } json && JsonSerializer.Deserialize<PledgeAnswer>(json, WorkflowJson.Options) is { } answer)
            {
                answers.Add(answer);
            }
        }

        return new ResponseContent { Answers = answers, Comments = entity.GetString("Comments") };
    }

    private static string AnswerProperty(int index) => "A" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);
}
