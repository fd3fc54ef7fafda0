namespace ReviewWorkflow.Testing.DurableTask;

/// <summary>A recorded history does not replay under the current orchestrator code.</summary>
public sealed class GoldenHistoryMismatchException : Exception
{
    public GoldenHistoryMismatchException()
    {
    }

    public GoldenHistoryMismatchException(string message)
        : base(message)
    {
    }

    public GoldenHistoryMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
