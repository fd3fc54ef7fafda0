namespace ReviewWorkflow.DurableTask.Tests.Tasks;

public enum Stage
{
    Drafting,
    Consultation,
    Ratified,
}

/// <summary>A payload with the shapes the workflow sends: records, enums, dates and lists.</summary>
public sealed record Consultation(string Title, Stage Stage, DateOnly Opens, DateTimeOffset ClosesAt, IReadOnlyList<string> Consultees, decimal? Budget);
