namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>What an erasure or a retention pass changed, per store.</summary>
public sealed record ErasureCounts
{
    public int Consultees { get; init; }

    public int Responses { get; init; }

    public int Links { get; init; }

    public int AuditRows { get; init; }

    public int TaskHub { get; init; }

    public int OutboxMessages { get; init; }

    public static ErasureCounts operator +(ErasureCounts a, ErasureCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new ErasureCounts
        {
            Consultees = a.Consultees + b.Consultees,
            Responses = a.Responses + b.Responses,
            Links = a.Links + b.Links,
            AuditRows = a.AuditRows + b.AuditRows,
            TaskHub = a.TaskHub + b.TaskHub,
            OutboxMessages = a.OutboxMessages + b.OutboxMessages,
        };
    }

    public ErasureCounts Add(ErasureCounts other) => this + other;
}
