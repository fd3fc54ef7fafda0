using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;
using static ReviewWorkflow.Workflow.Reporting.ReportText;

namespace ReviewWorkflow.Workflow.Reporting;

internal static partial class CommitteeReportBuilder
{
    private static ConsultationSummary Consultation(ReportInputs inputs)
    {
        var view = inputs.View;
        var groups = ConsultationFigures.Rates(inputs.Definition, inputs.Consultees);
        var total = ConsultationFigures.Total(groups);
        var tallies = ConsultationFigures.Tallies(inputs.Strategy.Pledges, inputs.Responses);
        var overview = new List<string>
        {
            $"{total.Consulted} people in {groups.Count} groups were consulted from {Format(view.ConsultationOpens)} to {Format(view.ConsultationCloses)}"
                + $"{(view.ConsultationClosedEarly ? ", when the consultation was closed early" : "")}: "
                + string.Join("; ", groups.Select(g => $"{g.Group} ({g.Audience.ToLowerInvariant()}, {g.Consulted})")) + ".",
            $"{total.Responded} of {total.Consulted} responded: a response rate of {total.RatePercent}%"
                + (total.Late > 0 ? $", including {total.Late} after the closing date." : "."),
            "Each consultee had a personal link by email and could answer about each "
                + $"{inputs.ItemWord.ToLowerInvariant()} and in their own words; children and young people had a plain-language version.",
        };
        if (total.Bounced > 0)
        {
            overview.Add($"{total.Bounced} consultation emails could not be delivered; the lead was told at the time.");
        }

        var draft = inputs.Source.Draft;
        var evidence = inputs.Themes is { } themeSet ? CycleResponses.From(inputs.View, inputs.Source, inputs.Consultees, inputs.Responses, themeSet) : null;
        var themes = new List<string>();
        var general = ConsultationFigures.GeneralComments(inputs.Responses);
        themes.Add($"{general} of {total.Responded} respondents made general comments.");
        themes.AddRange(tallies.Where(t => t.Comments > 0)
            .Select(t => $"{inputs.ItemWord} {t.Pledge} ({t.Text}): {t.Comments} {(t.Comments == 1 ? "comment" : "comments")}; {t.Agree} agree, {t.Partly} partly, {t.Disagree} disagree, {t.DontKnow} don't know."));
        themes.AddRange((draft?.YouSaidWeDid ?? []).Select(y => y.Theme).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)
            .Select(t => $"Theme identified by the report author: {Inert(t)}"));

        return new ConsultationSummary
        {
            Opens = view.ConsultationOpens,
            Closes = view.ConsultationCloses,
            ClosedEarly = view.ConsultationClosedEarly,
            ItemLabel = inputs.ItemWord,
            Overview = overview,
            Groups = groups,
            Total = total,
            Pledges = tallies,
            Themes = themes,
            YouSaidWeDid = [.. (draft?.YouSaidWeDid ?? []).Select(y => Row(y, evidence))],
        };
    }

    /// <summary>A "you said, we did" row; with the lead's themes read, how many said it and the chosen quotes.</summary>
    private static YouSaidWeDidRow Row(YouSaidWeDid entry, CycleResponses? evidence)
    {
        var found = evidence is null ? EntryEvidence.None : YouSaidWeDidEvidence.For(entry, evidence);
        return new YouSaidWeDidRow(Inert(entry.Theme), Inert(entry.YouSaid), Inert(entry.WeDid), found.Said, [.. found.Quotes.Select(Inert)]);
    }

    private static List<string> AnticipatedOutcomes(ReportInputs inputs)
    {
        var schedule = inputs.Schedule;
        var outcomes = new List<string>
        {
            $"A {inputs.KindWord} in force from {Format(inputs.Strategy.PeriodStart)} to {Format(inputs.Strategy.EffectiveExpiry)}, with {inputs.Strategy.Pledges.Count} {inputs.ItemsWord}.",
        };
        if (schedule.ProgressReports.Count > 0)
        {
            outcomes.Add($"Progress reports are due on {string.Join(" and ", schedule.ProgressReports.Select(Format))}"
                + (schedule.AdoptionIsPlanned ? $", counted from the planned adoption on {Format(schedule.AdoptionDate)}." : $", counted from adoption on {Format(schedule.AdoptionDate)}."));
        }

        outcomes.Add($"The next review starts by {Format(schedule.NextReviewStart)}, {inputs.Source.Settings.NextReviewLeadMonths} months before the {inputs.KindWord} expires.");
        outcomes.Add(Placeholder);
        return outcomes;
    }

    private static List<string> Reasons(ReportInputs inputs, ConsultationSummary consultation)
    {
        var reasons = new List<string>
        {
            $"The draft was shaped by consultation with the people it affects: {consultation.Total.Responded} of {consultation.Total.Consulted} consultees responded, "
                + $"and {consultation.YouSaidWeDid.Count} \"you said, we did\" {(consultation.YouSaidWeDid.Count == 1 ? "entry records" : "entries record")} how their views were used.",
        };
        if (inputs.View.DraftSignedOff && inputs.View.DirectorSignOff is { } director)
        {
            reasons.Add($"The draft was signed off by {Inert(director.Name)}.");
        }

        reasons.Add($"Adoption keeps a {inputs.KindWord} in force from {Format(inputs.Strategy.PeriodStart)}.");
        return reasons;
    }

    private static List<string> Alternatives(ReportInputs inputs) =>
    [
        $"Not to adopt a new {inputs.KindWord}: there would be no {inputs.KindWord} in force from {Format(inputs.Strategy.PeriodStart)}, "
            + "and the views given in the consultation would go unanswered.",
        Placeholder,
    ];

    private static List<ReportImplication> Implications(ReportInputs inputs, ConsultationSummary consultation)
    {
        var legal = new List<string>();
        if (inputs.TargetIndex is { } index)
        {
            var body = inputs.Schedule.Bodies[index];
            legal.Add($"The report must be published by {Format(body.PublicationDate)}, {inputs.Source.Settings.PublicationClearDays} clear days before the meeting on {Format(body.MeetingDate)}.");
            if (body.KeyDecisionNoticeDate is { } notice)
            {
                legal.Add($"As a key decision, notice must be published by {Format(notice)} (The Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012, regulation 9).");
            }
        }

        legal.Add(Placeholder);
        var young = consultation.Groups.Where(g => g.Audience == ConsultationFigures.AudienceText(Audience.YoungPeople)).ToList();
        var children = young.Count == 0
            ? new List<string> { Placeholder }
            : [$"{young.Sum(g => g.Responded)} of {young.Sum(g => g.Consulted)} children and young people consulted responded, through {string.Join(" and ", young.Select(g => g.Group))}.", Placeholder];
        return
        [
            new("Financial", [Placeholder]),
            new("Legal", legal),
            new("Equalities", [Placeholder]),
            new("Rural", [Placeholder]),
            new("Children in care and care leavers", children),
            new("Community safety", [Placeholder]),
            new("Health and wellbeing", [Placeholder]),
            new("Organisational", [Placeholder]),
            new("Equality impact assessment", [Placeholder]),
        ];
    }

    private static List<string> BackgroundDocuments(ReportInputs inputs) =>
    [
        $"The consultation responses for this review (cycle {inputs.View.CycleId}); they hold personal information and are not published. Held by {Inert(inputs.Definition.Lead.Name)}.",
        $"The review's audit trail (cycle {inputs.View.CycleId}): who decided what, and when.",
        "These are listed under the Local Government (Access to Information) Act 1985.",
    ];

    private static List<ReportAppendix> Appendices(ReportInputs inputs)
    {
        var draft = inputs.Source.Draft;
        var strategy = draft is null
            ? new ReportAppendix("A", $"Draft {inputs.Title}", [Placeholder])
            : new ReportAppendix("A", $"Draft {inputs.Title}", [$"Version {Inert(draft.Version)}.", $"Document: {Inert(draft.DocumentUrl)}"]);
        var questions = inputs.Definition.Consultation.Groups.Select(g =>
            $"{Inert(g.Name)}: " + string.Join(" ", g.Questions.General.Select(Inert).Concat(g.Questions.PerPledge.Select(q => $"({inputs.ItemWord} {q.Pledge}) {Inert(q.Text)}")))).ToList();
        return [strategy, new ReportAppendix("B", "Consultation questions", questions.Count == 0 ? [Placeholder] : questions)];
    }
}
