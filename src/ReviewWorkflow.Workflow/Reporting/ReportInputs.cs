using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>Everything a report is built from, read once; derived facts (the body the report is for, the live schedule) computed here.</summary>
internal sealed record ReportInputs(
    CycleView View,
    CycleReportSource Source,
    IReadOnlyList<ConsulteeProgress> Consultees,
    IReadOnlyList<StoredResponse> Responses,
    DateOnly Today,
    ThemeSet? Themes = null)
{
    public ReviewCycleDefinition Definition => Source.Definition;

    public Strategy Strategy => Source.Definition.Strategy;

    /// <summary>The route as it stands (deferrals and new meeting dates applied).</summary>
    public IReadOnlyList<RouteStep> Route => View.Route.Count > 0 ? View.Route : Definition.Route;

    /// <summary>The plan for the route as it stands and the consultation as extended.</summary>
    public CycleSchedule Schedule { get; } = CycleSchedule.Compute(
        Source.Definition with
        {
            Route = View.Route.Count > 0 ? View.Route : Source.Definition.Route,
            Consultation = Source.Definition.Consultation with { Closes = View.ConsultationCloses == default ? Source.Definition.Consultation.Closes : View.ConsultationCloses },
        },
        Source.Settings,
        View.AdoptedOn);

    /// <summary>
    /// The body this report is for: the one it is with; after a decision, the deciding body (adopted, closed) or the
    /// body that referred it back; before ratification, the first body. Null for an empty route.
    /// </summary>
    public int? TargetIndex
    {
        get
        {
            if (Route.Count == 0)
            {
                return null;
            }

            if (View.CurrentBodyIndex is { } current && current < Route.Count)
            {
                return current;
            }

            if (View.Decisions.Count > 0)
            {
                var last = View.Decisions[^1].Body;
                var index = Route.ToList().FindIndex(s => string.Equals(s.Body, last, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    return index;
                }
            }

            return 0;
        }
    }

    public string KindWord => Strategy.Kind == StrategyKind.Pledge ? "pledge document" : "strategy";

    public string ItemsWord => Strategy.Kind == StrategyKind.Pledge ? "pledges" : "priorities";

    public string ItemWord => Strategy.Kind == StrategyKind.Pledge ? "Pledge" : "Priority";

    public string Title => ReportText.Inert(string.IsNullOrWhiteSpace(Strategy.Title) ? View.Title : Strategy.Title);

    public string Period => $"{DateText.Format(Strategy.PeriodStart)} to {DateText.Format(Strategy.PeriodEnd)}";
}
