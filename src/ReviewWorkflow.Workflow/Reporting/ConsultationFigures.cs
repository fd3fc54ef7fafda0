using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>Response rates per group and per-pledge tallies, from submitted responses only (work in progress is not counted).</summary>
internal static class ConsultationFigures
{
    public static string AudienceText(Audience audience) => audience switch
    {
        Audience.YoungPeople => "Children and young people",
        Audience.Carers => "Carers",
        Audience.Staff => "Staff",
        Audience.Partners => "Partners",
        _ => audience.ToString(),
    };

    /// <summary>
    /// One row per group in the definition's order (groups only known from the resolved consultees follow). Before the
    /// consultees are resolved, the definition's inline members are counted as consulted.
    /// </summary>
    public static IReadOnlyList<GroupResponseRate> Rates(ReviewCycleDefinition definition, IReadOnlyList<ConsulteeProgress> consultees)
    {
        if (consultees.Count == 0)
        {
            return [.. definition.Consultation.Groups.Select(g => new GroupResponseRate(ReportText.Inert(g.Name), AudienceText(g.Audience), g.Members.Count, 0, 0, 0))];
        }

        var order = definition.Consultation.Groups.Select(g => g.Name).ToList();
        return [.. consultees
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i >= 0 ? i : int.MaxValue)
            .Select(g => new GroupResponseRate(
                ReportText.Inert(g.Key),
                AudienceText(g.First().Audience),
                g.Count(),
                g.Count(c => c.Status == ResponseStatus.Submitted),
                g.Count(c => c.Status == ResponseStatus.Submitted && c.Late),
                g.Count(c => c.Bounced)))];
    }

    public static GroupResponseRate Total(IReadOnlyList<GroupResponseRate> groups) =>
        new("All groups", "", groups.Sum(g => g.Consulted), groups.Sum(g => g.Responded), groups.Sum(g => g.Late), groups.Sum(g => g.Bounced));

    /// <summary>Views and comment counts on each pledge (1-based) from submitted responses; answers about pledges the strategy does not have are ignored.</summary>
    public static IReadOnlyList<PledgeTally> Tallies(IReadOnlyList<string> pledges, IReadOnlyList<StoredResponse> responses)
    {
        var answers = responses.Where(r => r.Submitted).SelectMany(r => r.Content.Answers).ToList();
        return [.. pledges.Select((text, i) =>
        {
            var about = answers.Where(a => a.Pledge == i + 1).ToList();
            return new PledgeTally(i + 1, ReportText.Inert(text),
                about.Count(a => a.View == PledgeView.Agree),
                about.Count(a => a.View == PledgeView.Partly),
                about.Count(a => a.View == PledgeView.Disagree),
                about.Count(a => a.View == PledgeView.DontKnow),
                about.Count(a => !string.IsNullOrWhiteSpace(a.Comment)));
        })];
    }

    /// <summary>Submitted responses with general comments (counted, never quoted).</summary>
    public static int GeneralComments(IReadOnlyList<StoredResponse> responses) =>
        responses.Count(r => r.Submitted && !string.IsNullOrWhiteSpace(r.Content.Comments));
}
