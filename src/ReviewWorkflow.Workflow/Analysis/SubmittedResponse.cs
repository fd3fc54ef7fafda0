using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>A submitted response as the lead reads it: who (name, group, audience), when, late or not, and what they wrote.</summary>
public sealed record SubmittedResponse
{
    public string ConsulteeId { get; init; } = "";

    public string Name { get; init; } = "";

    public string Group { get; init; } = "";

    public Audience Audience { get; init; }

    public bool Late { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>One per pledge answered, in pledge order.</summary>
    public IReadOnlyList<PledgeAnswer> Answers { get; init; } = [];

    public string? Comments { get; init; }

    public PledgeAnswer? AnswerOn(int pledge) => Answers.FirstOrDefault(a => a.Pledge == pledge);

    /// <summary>The text of one comment (general or on a pledge); null for the whole response or a comment not written.</summary>
    public string? CommentOn(TagPart part) => part.Text == TagPart.GeneralText
        ? Blank(Comments)
        : part.Pledge > 0 ? Blank(AnswerOn(part.Pledge)?.Comment) : null;

    /// <summary>The parts of this response that can be tagged: the whole response and each comment written.</summary>
    public IEnumerable<TagPart> Parts()
    {
        yield return TagPart.Whole;
        foreach (var answer in Answers.Where(a => !string.IsNullOrWhiteSpace(a.Comment)).OrderBy(a => a.Pledge))
        {
            yield return TagPart.ForPledge(answer.Pledge);
        }

        if (!string.IsNullOrWhiteSpace(Comments))
        {
            yield return TagPart.General;
        }
    }

    public bool Has(TagPart part) => !part.IsComment || CommentOn(part) is not null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
