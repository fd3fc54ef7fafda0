using System.Globalization;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>How the lead's pages word a cycle: stage tags, dates, response rates, what is overdue, consultee progress.</summary>
public static class CycleDisplay
{
    public static string Stage(CycleStage stage) => stage switch
    {
        CycleStage.Consultation => "Consultation",
        CycleStage.Drafting => "Drafting",
        CycleStage.Ratification => "Ratification",
        CycleStage.Adopted => "Adopted",
        _ => "Closed",
    };

    /// <summary>GOV.UK tag colour per stage (the text says the stage; colour is never the only cue).</summary>
    public static string StageTagClass(CycleStage stage) => "govuk-tag " + stage switch
    {
        CycleStage.Consultation => "govuk-tag--blue",
        CycleStage.Drafting => "govuk-tag--yellow",
        CycleStage.Ratification => "govuk-tag--purple",
        CycleStage.Adopted => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string Date(DateOnly date) => date == default ? "Not set" : DateText.Format(date);

    public static string Date(DateTimeOffset instant) => instant.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"3 of 12 (25%)", or "No consultees yet".</summary>
    public static string ResponseRate(CycleCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Consultees == 0)
        {
            return "No consultees yet";
        }

        var percent = (int)Math.Round(100.0 * counts.ResponsesSubmitted / counts.Consultees, MidpointRounding.AwayFromZero);
        return $"{counts.ResponsesSubmitted} of {counts.Consultees} ({percent}%)";
    }

    /// <summary>What should have happened by <paramref name="today"/> and has not.</summary>
    public static IReadOnlyList<string> Overdue(CycleView cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var items = new List<string>();
        if (cycle.NextDeadline is { Overdue: true } due)
        {
            items.Add(due.What);
        }

        if (cycle.Stage == CycleStage.Drafting && cycle.DraftVersion is null && cycle.DraftingDeadline != default && cycle.DraftingDeadline < today)
        {
            items.Add($"Draft was due on {Date(cycle.DraftingDeadline)}");
        }

        if (cycle.Stage == CycleStage.Ratification && cycle.CurrentBodyIndex is { } index && cycle.Route.ElementAtOrDefault(index) is { } step && step.MeetingDate < today)
        {
            items.Add($"{step.Body} decision of {Date(step.MeetingDate)} not recorded");
        }

        return [.. items.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>"Answered", "Answered late", "In progress", "Not answered" or "Bounced".</summary>
    public static string Progress(ConsulteeProgress consultee)
    {
        ArgumentNullException.ThrowIfNull(consultee);
        if (consultee.Bounced)
        {
            return "Bounced";
        }

        return consultee.Status switch
        {
            ResponseStatus.Submitted => consultee.Late ? "Answered late" : "Answered",
            ResponseStatus.InProgress => "In progress",
            _ => "Not answered",
        };
    }

    public static string ProgressTagClass(ConsulteeProgress consultee)
    {
        ArgumentNullException.ThrowIfNull(consultee);
        return "govuk-tag " + (consultee.Bounced ? "govuk-tag--red" : consultee.Status switch
        {
            ResponseStatus.Submitted => "govuk-tag--green",
            ResponseStatus.InProgress => "govuk-tag--yellow",
            _ => "govuk-tag--grey",
        });
    }
}
