using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>Views on one pledge from one audience: how many agreed, partly agreed, disagreed, did not know.</summary>
public sealed record AudienceViews(Audience Audience, int Agree, int Partly, int Disagree, int DontKnow)
{
    public int Answers => Agree + Partly + Disagree + DontKnow;

    public int Count(PledgeView view) => view switch
    {
        PledgeView.Agree => Agree,
        PledgeView.Partly => Partly,
        PledgeView.Disagree => Disagree,
        _ => DontKnow,
    };

    /// <summary>The share of this audience's answers with <paramref name="view"/>, in steps of 5 % (the chart's bar widths).</summary>
    public int PercentStep(PledgeView view) => Answers == 0 ? 0 : (int)Math.Round(20.0 * Count(view) / Answers, MidpointRounding.AwayFromZero) * 5;
}

/// <summary>The spread of views on one pledge (1-based) per audience, every audience listed even with no answers.</summary>
public sealed record PledgeSpread(int Pledge, string Text, IReadOnlyList<AudienceViews> Audiences)
{
    public static IReadOnlyList<PledgeSpread> Of(IReadOnlyList<string> pledges, IEnumerable<SubmittedResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(pledges);
        var list = responses.ToList();
        return [.. pledges.Select((text, i) => new PledgeSpread(i + 1, text, [.. Enum.GetValues<Audience>().Select(audience =>
        {
            var views = list.Where(r => r.Audience == audience).Select(r => r.AnswerOn(i + 1)?.View).OfType<PledgeView>().ToList();
            return new AudienceViews(audience,
                views.Count(v => v == PledgeView.Agree), views.Count(v => v == PledgeView.Partly),
                views.Count(v => v == PledgeView.Disagree), views.Count(v => v == PledgeView.DontKnow));
        })]))];
    }
}
