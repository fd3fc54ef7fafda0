using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>What the consultee's form posts: a view and comment per pledge (in the pledges' order), other comments,
/// the version the page was built from, and which button was pressed.</summary>
public sealed class ResponseInput
{
    public const string Save = "save";
    public const string Continue = "continue";

    public List<PledgeInput> Pledges { get; set; } = [];

    public string? Comments { get; set; }

    public string? ETag { get; set; }

    /// <summary>"Your name", asked only on a partner's shared link.</summary>
    public string? SavedBy { get; set; }

    public string? Action { get; set; }

    public static ResponseInput From(ConsulteeForm form, ResponseContent? content, string? etag)
    {
        ArgumentNullException.ThrowIfNull(form);
        var answers = content?.Answers ?? [];
        return new ResponseInput
        {
            Pledges = [.. form.Pledges.Select((_, i) => answers.FirstOrDefault(a => a.Pledge == i + 1) is { } a
                ? new PledgeInput { View = ConsulteeWording.Value(a.View), Comment = a.Comment }
                : new PledgeInput())],
            Comments = content?.Comments,
            ETag = etag,
        };
    }

    /// <summary>One slot per pledge whatever was posted (a tampered form cannot add or drop pledges).</summary>
    public void Fit(int pledgeCount)
    {
        Pledges = [.. Enumerable.Range(0, pledgeCount).Select(i => i < Pledges.Count && Pledges[i] is { } p ? p : new PledgeInput())];
    }

    public static string ViewKey(int index) => $"Input.Pledges[{index}].View";

    public static string CommentKey(int index) => $"Input.Pledges[{index}].Comment";

    public const string CommentsKey = "Input.Comments";

    public const string SavedByKey = "Input.SavedBy";
}

public sealed class PledgeInput
{
    public string? View { get; set; }

    public string? Comment { get; set; }
}
