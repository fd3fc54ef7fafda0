using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>
/// Builds the committee report of a cycle from what the system knows: the cycle (route, decisions, dates), its
/// consultees' statuses, the submitted responses and the latest draft's "you said, we did". Read-only.
/// </summary>
/// <remarks>With a <see cref="ThemeStore"/> (registered by AddResponseAnalysis), each "you said, we did" entry shows how
/// many responses carry its theme and the quotes the lead chose.</remarks>
public sealed class CommitteeReportService(ReviewCycleService cycles, ResponseStore responses, TimeProvider time, ThemeStore? themes = null)
{
    /// <summary>The report as the cycle stands now; null when there is no such cycle.</summary>
    public async Task<CommitteeReport?> BuildAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cycleId);
        var view = await cycles.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        var source = view is null ? null : await cycles.GetReportSourceAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (view is null || source is null)
        {
            return null;
        }

        var consultees = await cycles.GetConsulteesAsync(cycleId, cancellationToken).ConfigureAwait(false);
        var stored = await responses.ListAsync(cycleId, cancellationToken).ConfigureAwait(false);
        var today = CouncilClock.Today(time, source.Settings);
        var themeSet = themes is null ? null : await themes.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return CommitteeReportBuilder.Build(new ReportInputs(view, source, consultees, stored, today, themeSet));
    }
}
