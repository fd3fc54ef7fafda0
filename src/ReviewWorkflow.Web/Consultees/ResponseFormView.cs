using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>The form as <c>GET /api/responses/{token}</c> shows it: what is asked, and what has been answered.</summary>
public sealed record ResponseFormView
{
    public string Title { get; init; } = "";

    /// <summary>"pledge" or "priority": what the items are called.</summary>
    public string Item { get; init; } = "";

    public string Group { get; init; } = "";

    public Audience Audience { get; init; }

    public bool PlainLanguage { get; init; }

    public DateOnly Closes { get; init; }

    public bool ClosedEarly { get; init; }

    public IReadOnlyList<PledgeItem> Pledges { get; init; } = [];

    /// <summary>The group's general questions, answered in <see cref="Comments"/>.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    public ResponseStatus Status { get; init; }

    /// <summary>False once submitted: the response can no longer be changed.</summary>
    public bool CanChange { get; init; }

    public bool Late { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public IReadOnlyList<AnswerItem> Answers { get; init; } = [];

    public string? Comments { get; init; }

    public int Version { get; init; }

    /// <summary>A partner organisation's link, shared by colleagues: each save and the submission must carry
    /// <c>savedBy</c> (the name of whoever saves).</summary>
    public bool SharedLink { get; init; }

    /// <summary>Who saved the stored version last (on a shared link, the name they typed).</summary>
    public string? LastSavedBy { get; init; }

    public string? SubmittedBy { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }

    public static ResponseFormView From(ConsulteeOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var form = opening.Form ?? throw new ArgumentException("The link did not open a form.", nameof(opening));
        var response = opening.Response;
        return new ResponseFormView
        {
            Title = form.Title,
            Item = form.Kind == StrategyKind.Pledge ? "pledge" : "priority",
            Group = form.GroupName,
            Audience = form.Audience,
            PlainLanguage = opening.PlainLanguage,
            Closes = form.Closes,
            ClosedEarly = form.ClosedEarly,
            Pledges = [.. form.Pledges.Select((text, i) => new PledgeItem(i + 1, text, form.Questions.PerPledge.FirstOrDefault(q => q.Pledge == i + 1)?.Text))],
            Questions = form.Questions.General,
            Status = response?.Status ?? ResponseStatus.NotStarted,
            CanChange = response is not { Submitted: true },
            Late = response?.Late ?? false,
            SubmittedAt = response?.SubmittedAt,
            Answers = [.. (response?.Content.Answers ?? []).Select(a => new AnswerItem(a.Pledge, ConsulteeWording.Value(a.View), a.Comment))],
            Comments = response?.Content.Comments,
            Version = response?.Version ?? 0,
            SharedLink = Consultees.SharedLink.IsShared(form),
            LastSavedBy = response?.Contributors.OrderByDescending(c => c.LastSavedAt).FirstOrDefault()?.Name,
            SubmittedBy = response?.SubmittedBy,
            ETag = response?.ETag,
        };
    }
}

/// <param name="Number">1-based: what an answer's <c>pledge</c> refers to.</param>
/// <param name="Question">The group's question about this item, if any.</param>
public sealed record PledgeItem(int Number, string Text, string? Question);

public sealed record AnswerItem(int Pledge, string View, string? Comment);
