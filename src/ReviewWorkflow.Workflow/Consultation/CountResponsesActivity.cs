using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Counts per group at the close: submitted (and how many late), in progress, bounced.</summary>
public sealed class CountResponsesActivity(Responses.ResponseStore responses) : TaskActivity<CountResponsesInput, Cycles.CycleCounts>
{
    public override async Task<Cycles.CycleCounts> RunAsync(TaskActivityContext context, CountResponsesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = (await responses.ListAsync(input.CycleId).ConfigureAwait(false)).ToDictionary(r => r.ConsulteeId, StringComparer.Ordinal);
        var groups = input.Consultees.GroupBy(c => (c.Group, c.GroupName)).OrderBy(g => g.Key.Group).Select(g =>
        {
            var submitted = g.Count(c => stored.TryGetValue(c.Id, out var r) && r.Submitted);
            var late = g.Count(c => stored.TryGetValue(c.Id, out var r) && r.Submitted && r.Late);
            var inProgress = g.Count(c => stored.TryGetValue(c.Id, out var r) && !r.Submitted);
            var bounced = g.Count(c => input.Bounced.Contains(c.Id));
            return new Cycles.GroupCount(g.Key.GroupName, g.Count(), submitted, late, inProgress, bounced);
        }).ToList();
        return new Cycles.CycleCounts
        {
            Consultees = input.Consultees.Count,
            RequestsSent = input.RequestsSent,
            ResponsesSubmitted = groups.Sum(g => g.Submitted),
            Bounced = input.Bounced.Count,
            Groups = groups,
        };
    }
}
