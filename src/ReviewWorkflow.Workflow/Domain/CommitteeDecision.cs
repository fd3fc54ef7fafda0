namespace ReviewWorkflow.Workflow.Domain;

/// <summary>What a clerk records after a meeting (the reg 12 decision record, in short).</summary>
public sealed record CommitteeDecision
{
    /// <summary>The body that decided; must be the body the report is currently with.</summary>
    public string Body { get; init; } = "";

    public DateOnly MeetingDate { get; init; }

    public DecisionOutcome Outcome { get; init; }

    public string? AgendaItem { get; init; }

    public string MinuteReference { get; init; } = "";

    /// <summary>The resolution as minuted.</summary>
    public string Resolution { get; init; } = "";

    /// <summary>For <see cref="DecisionOutcome.Defer"/>: the meeting it was deferred to.</summary>
    public DateOnly? NewMeetingDate { get; init; }

    /// <summary>For <see cref="DecisionOutcome.ReferBack"/>: what the body asked the lead to change.</summary>
    public string? Comments { get; init; }
}
