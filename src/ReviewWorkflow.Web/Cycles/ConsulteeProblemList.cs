using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>The problems the consultees step audited ("problem1", "problem2" ... in its details): directory groups that
/// could not be read, whose members therefore were not consulted.</summary>
public static class ConsulteeProblemList
{
    public static IReadOnlyList<string> From(IReadOnlyList<AuditEntry> trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var problems = new List<string>();
        foreach (var entry in trail.Where(e => e.Action == AuditActions.ConsulteesResolved && !string.IsNullOrEmpty(e.Details)))
        {
            if (JsonNode.Parse(entry.Details!) is JsonObject details)
            {
                problems.AddRange(details.Where(p => p.Key.StartsWith("problem", StringComparison.Ordinal) && p.Value is JsonValue)
                    .Select(p => p.Value!.GetValue<string>()));
            }
        }

        return problems;
    }
}
