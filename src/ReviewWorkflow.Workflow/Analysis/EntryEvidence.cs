namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>What stands behind one "you said, we did" entry: its theme (null when it is linked to none), how many
/// submitted responses carry that theme, and the quotes the lead chose, each attributed by audience and never by name.</summary>
public sealed record EntryEvidence(Theme? Theme, int? Said, IReadOnlyList<string> Quotes)
{
    public static EntryEvidence None { get; } = new(null, null, []);
}
