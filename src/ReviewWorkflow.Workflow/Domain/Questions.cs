namespace ReviewWorkflow.Workflow.Domain;

/// <summary>What a group is asked: general questions, and questions about particular pledges.</summary>
public sealed record Questions
{
    public IReadOnlyList<string> General { get; init; } = [];

    public IReadOnlyList<PledgeQuestion> PerPledge { get; init; } = [];
}

/// <summary>A question about one pledge or priority (1-based, as in the strategy's list).</summary>
public sealed record PledgeQuestion
{
    public int Pledge { get; init; }

    public string Text { get; init; } = "";
}
