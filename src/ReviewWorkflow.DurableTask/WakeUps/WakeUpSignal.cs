namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>
/// The event the wake-up sweep raises. It means "re-evaluate now", never "the deadline passed": it may arrive twice,
/// late, or after a later schedule replaced the one it was raised for. Decide from input dates and the clock value
/// <paramref name="RaisedAt"/> (the app's TimeProvider when the sweep ran), never from receiving the event itself.
/// </summary>
public sealed record WakeUpSignal(DateTimeOffset DueAt, DateTimeOffset RaisedAt)
{
    public const string EventName = "wake-up";
}
