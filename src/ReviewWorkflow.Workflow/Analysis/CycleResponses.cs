using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// Everything the responses page, the API and the themes read about one cycle, read once per request: the cycle, its
/// pledges and groups, every submitted response (saved-but-unsent answers only counted), the themes with their tags and
/// the latest draft's "you said, we did".
/// </summary>
public sealed record CycleResponses
{
    public CycleView Cycle { get; init; } = new();

    public IReadOnlyList<string> Pledges { get; init; } = [];

    /// <summary>The groups in the order of the consultation plan, with their audiences.</summary>
    public IReadOnlyList<(string Name, Audience Audience)> Groups { get; init; } = [];

    /// <summary>Submitted responses, oldest first.</summary>
    public IReadOnlyList<SubmittedResponse> Responses { get; init; } = [];

    /// <summary>Consultees who saved answers and have not sent them: counted, never shown as responses.</summary>
    public int SavedNotSent { get; init; }

    public int Consulted { get; init; }

    public ThemeSet Themes { get; init; } = ThemeSet.Empty;

    public IReadOnlyList<YouSaidWeDid> YouSaidWeDid { get; init; } = [];

    public SubmittedResponse? Find(string? consulteeId) => Responses.FirstOrDefault(r => r.ConsulteeId == consulteeId);

    /// <summary>Joins the consultees (name, group, audience) with their stored responses; only submitted ones are kept.</summary>
    public static CycleResponses From(CycleView cycle, CycleReportSource source, IReadOnlyList<ConsulteeProgress> consultees,
        IReadOnlyList<StoredResponse> stored, ThemeSet themes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(consultees);
        ArgumentNullException.ThrowIfNull(stored);
        var byId = consultees.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var submitted = stored
            .Where(s => s.Submitted && byId.ContainsKey(s.ConsulteeId))
            .Select(s =>
            {
                var who = byId[s.ConsulteeId];
                return new SubmittedResponse
                {
                    ConsulteeId = s.ConsulteeId,
                    Name = who.Name,
                    Group = who.Group,
                    Audience = who.Audience,
                    Late = s.Late,
                    SubmittedAt = s.SubmittedAt,
                    Answers = [.. s.Content.Answers.Where(a => a is not null).OrderBy(a => a.Pledge)],
                    Comments = s.Content.Comments,
                };
            })
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.ConsulteeId, StringComparer.Ordinal)
            .ToList();
        return new CycleResponses
        {
            Cycle = cycle,
            Pledges = source.Definition.Strategy.Pledges,
            Groups = [.. source.Definition.Consultation.Groups.Select(g => (g.Name, g.Audience))],
            Responses = submitted,
            SavedNotSent = stored.Count(s => s.Status == ResponseStatus.InProgress && byId.ContainsKey(s.ConsulteeId)),
            Consulted = consultees.Count,
            Themes = themes ?? ThemeSet.Empty,
            YouSaidWeDid = source.Draft?.YouSaidWeDid ?? [],
        };
    }
}
