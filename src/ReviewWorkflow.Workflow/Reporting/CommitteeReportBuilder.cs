using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;
using static ReviewWorkflow.Workflow.Reporting.ReportText;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>Turns what the cycle knows into the template's sections (pure: no I/O, no clock).</summary>
internal static partial class CommitteeReportBuilder
{
    public static CommitteeReport Build(ReportInputs inputs)
    {
        var consultation = Consultation(inputs);
        return new CommitteeReport
        {
            CycleId = inputs.View.CycleId,
            Title = inputs.Title,
            GeneratedOn = inputs.Today,
            Header = Header(inputs),
            Recommendations = Recommendations(inputs),
            Purpose = Purpose(inputs),
            Timescales = Timescales(inputs),
            Background = Background(inputs),
            Pledges = [.. inputs.Strategy.Pledges.Select(Inert)],
            Consultation = consultation,
            AnticipatedOutcomes = AnticipatedOutcomes(inputs),
            ReasonsForRecommendation = Reasons(inputs, consultation),
            AlternativeOptions = Alternatives(inputs),
            Implications = Implications(inputs, consultation),
            BackgroundDocuments = BackgroundDocuments(inputs),
            Appendices = Appendices(inputs),
            AccessibleFormats = $"This report is available in large print, Braille, easy read, audio and other languages on request from {Inert(inputs.Definition.Lead.Name)} ({inputs.Definition.Lead.Email}).",
        };
    }

    private static ReportHeader Header(ReportInputs inputs)
    {
        var lead = inputs.Definition.Lead;
        var header = new ReportHeader
        {
            ReportOf = inputs.Definition.DirectorSignOff is { } director ? Inert(director.Name) : Placeholder,
            ContactOfficer = $"{Inert(lead.Name)}, {lead.Email}",
            Service = string.IsNullOrWhiteSpace(inputs.Strategy.OwningService) ? Placeholder : Inert(inputs.Strategy.OwningService),
        };
        if (inputs.TargetIndex is not { } index)
        {
            return header with { Committee = Placeholder, ForwardPlanReference = "Not applicable" };
        }

        var step = inputs.Route[index];
        var dates = inputs.Schedule.Bodies[index];
        return header with
        {
            Committee = Inert(step.Body),
            MeetingDate = step.MeetingDate,
            KeyDecision = step.KeyDecision,
            ForwardPlanReference = step.KeyDecision ? Placeholder : "Not applicable (not a key decision)",
            PublishBy = dates.PublicationDate,
        };
    }

    private static List<string> Recommendations(ReportInputs inputs)
    {
        var recommendations = new List<string>();
        if (inputs.TargetIndex is { } index)
        {
            var body = Inert(inputs.Route[index].Body);
            recommendations.Add(index + 1 < inputs.Route.Count
                ? $"{body} is asked to consider the draft {inputs.Title} (Appendix A) and to recommend it to {Inert(inputs.Route[index + 1].Body)}."
                : $"{body} is asked to approve and adopt the {inputs.Title} (Appendix A) for {inputs.Period}.");
            recommendations.Add($"{body} is asked to note the consultation held from {Format(inputs.View.ConsultationOpens)} to {Format(inputs.View.ConsultationCloses)}, "
                + "the responses received and how they have shaped the draft (\"you said, we did\", section 4).");
        }
        else
        {
            recommendations.Add(Placeholder);
        }

        return recommendations;
    }

    private static List<string> Purpose(ReportInputs inputs)
    {
        var view = inputs.View;
        var purpose = new List<string>
        {
            $"This report presents the {inputs.Title}, a {inputs.KindWord} for {inputs.Period}, "
                + $"for {(inputs.TargetIndex is { } i ? Inert(inputs.Route[i].Body) : "the committee")} to consider.",
            $"The {inputs.KindWord} sets out {inputs.Strategy.Pledges.Count} {inputs.ItemsWord} (section 3). It is owned by "
                + $"{(string.IsNullOrWhiteSpace(inputs.Strategy.OwningService) ? "the service" : Inert(inputs.Strategy.OwningService))}, and the review was led by {Inert(inputs.Definition.Lead.Name)}.",
        };
        if (view.Decisions.LastOrDefault(d => d.Outcome == DecisionOutcome.ReferBack) is { } referral)
        {
            purpose.Add($"{Inert(referral.Body)} referred an earlier draft back on {Format(referral.MeetingDate)} (minute {Inert(referral.MinuteReference)})"
                + (string.IsNullOrWhiteSpace(referral.Comments) ? "." : $" asking: {Inert(referral.Comments)}"));
        }

        return purpose;
    }

    private static ReportTimescales Timescales(ReportInputs inputs)
    {
        var view = inputs.View;
        var settings = inputs.Source.Settings;
        var summary = new List<string>
        {
            $"Consultation: {Format(view.ConsultationOpens)} to {Format(view.ConsultationCloses)}{(view.ConsultationClosedEarly ? " (closed early)" : "")}.",
            $"Drafting deadline: {Format(view.DraftingDeadline)}. {DraftState(inputs)}",
            $"Reports are published at least {settings.PublicationClearDays} clear days before each meeting (Local Government Act 1972, Part VA).",
        };
        var keyDecisions = inputs.Schedule.Bodies.Where(b => b.KeyDecision).ToList();
        summary.Add(keyDecisions.Count == 0
            ? "This is not a key decision on any body's agenda."
            : string.Join(" ", keyDecisions.Select(b => $"Adoption is a key decision for {Inert(b.Body)} on {Format(b.MeetingDate)}: notice must be published by {Format(b.KeyDecisionNoticeDate!.Value)} ({settings.KeyDecisionNoticeClearDays} clear days, SI 2012/2089 regulation 9).")));
        if (view.AdoptedOn is { } adopted)
        {
            summary.Add($"Adopted on {Format(adopted)}.");
        }

        if (view.ClosedReason is { } closed)
        {
            summary.Add($"Closed: {Inert(closed)}.");
        }

        var route = inputs.Schedule.Bodies.Select(b => new RouteMeeting(
            Inert(b.Body), b.MeetingDate, b.KeyDecision, b.PublicationDate, b.KeyDecisionNoticeDate,
            DecisionText(view.Decisions.Where(d => string.Equals(d.Body, b.Body, StringComparison.OrdinalIgnoreCase))))).ToList();
        return new ReportTimescales { Summary = summary, Route = route };
    }

    private static string DraftState(ReportInputs inputs)
    {
        var view = inputs.View;
        if (view.DraftVersion is not { } version)
        {
            return "No draft has been submitted yet.";
        }

        var state = view.DraftSignedOff ? $"signed off by {Inert(view.DirectorSignOff?.Name)}"
            : view.AwaitingSignOff ? $"awaiting sign-off by {Inert(view.DirectorSignOff?.Name)}"
            : "submitted";
        return $"Draft {Inert(version)} (round {view.DraftRound}) is {state}.";
    }

    private static string DecisionText(IEnumerable<DecisionSummary> decisions)
    {
        var text = string.Join("; ", decisions.Select(d => $"{OutcomeText(d)} on {Format(d.MeetingDate)} (minute {Inert(d.MinuteReference)})"));
        return text.Length == 0 ? "Not yet decided" : text;
    }

    private static string OutcomeText(DecisionSummary decision) => decision.Outcome switch
    {
        DecisionOutcome.Note => "Noted",
        DecisionOutcome.Comment => "Commented",
        DecisionOutcome.Endorse => "Endorsed",
        DecisionOutcome.Recommend => "Recommended",
        DecisionOutcome.Approve => "Approved",
        DecisionOutcome.Adopt => "Adopted",
        DecisionOutcome.Defer => decision.NewMeetingDate is { } d ? $"Deferred to {Format(d)}" : "Deferred",
        DecisionOutcome.ReferBack => "Referred back",
        DecisionOutcome.Reject => "Rejected",
        _ => decision.Outcome.ToString(),
    };

    private static List<string> Background(ReportInputs inputs)
    {
        var definition = inputs.Definition;
        var background = new List<string>
        {
            $"The review started on {Format(DateOnly.FromDateTime(inputs.View.StartedAt.UtcDateTime))} with a target of a draft by {Format(definition.DraftingDeadline)} "
                + $"and a route of {string.Join(", then ", inputs.Route.Select(r => Inert(r.Body)))}.",
        };
        if (definition.TaskAndFinishGroup.Count > 0)
        {
            background.Add($"A task-and-finish group of {definition.TaskAndFinishGroup.Count} supported the lead: {string.Join(", ", definition.TaskAndFinishGroup.Select(p => Inert(p.Name)))}.");
        }

        background.Add($"The draft sets out these {inputs.ItemsWord}, in order:");
        return background;
    }
}
