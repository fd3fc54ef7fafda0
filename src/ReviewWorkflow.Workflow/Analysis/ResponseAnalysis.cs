using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// What the responses page and API call: reads a cycle's responses (through <see cref="ResponseStore.ListAsync"/>, one
/// partition query) with its consultees, pledges and themes; and changes themes (<see cref="ResponseAnalysis"/>'s
/// Themes partial): every change is validated first, appended to the cycle's audit trail keyed by the caller's
/// idempotency key, then written to the themes table. A response's text is only ever read.
/// </summary>
public sealed partial class ResponseAnalysis(ReviewCycleService cycles, ResponseStore responses, ThemeStore themes, AuditLog audit, TimeProvider time)
{
    /// <summary>The cycle's submitted responses and themes, or null when there is no such cycle.</summary>
    public async Task<CycleResponses?> LoadAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cycleId);
        if (await cycles.GetCycleWithConsulteesAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } found
            || await cycles.GetReportSourceAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } source)
        {
            return null;
        }

        var stored = responses.ListAsync(cycleId, cancellationToken);
        var themeSet = themes.ReadAsync(cycleId, cancellationToken);
        return CycleResponses.From(found.Cycle, source, found.Consultees, await stored.ConfigureAwait(false), await themeSet.ConfigureAwait(false));
    }

    /// <summary>Only the themes and tags (for the cycle's API resource).</summary>
    public Task<ThemeSet> ThemesAsync(string cycleId, CancellationToken cancellationToken = default) => themes.ReadAsync(cycleId, cancellationToken);
}
