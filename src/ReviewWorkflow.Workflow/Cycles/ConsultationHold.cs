namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>
/// The consultation is (or was) on hold because the directory could not be read for some groups at start: no requests
/// went to anyone until every group could be read (issue 17, point 4). Kept in the cycle's status after it clears, so
/// the lead can see when the directory answered.
/// </summary>
/// <param name="Groups">The groups that could not be read, as the lead sees them.</param>
/// <param name="Since">When the hold began (the app's clock).</param>
/// <param name="NextTry">When the directory will be asked again; null once cleared.</param>
/// <param name="ClearedAt">When the directory answered and the consultation was released; null while on hold.</param>
public sealed record ConsultationHold(IReadOnlyList<string> Groups, DateTime Since, DateTime? NextTry, DateTime? ClearedAt)
{
    /// <summary>How often the directory is asked again while on hold (the app's clock, through wake-ups).</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromHours(1);

    public bool OnHold => ClearedAt is null;
}
