namespace ReviewWorkflow.DurableTask.Engine;

/// <summary>Thrown to a worker that has been cut off (a simulated crash): its writes must not reach storage.</summary>
public sealed class WorkerCutOffException : Exception
{
    public WorkerCutOffException()
        : base("This worker was stopped as a crash would stop it; its work will be redelivered to another worker.")
    {
    }

    public WorkerCutOffException(string message)
        : base(message)
    {
    }

    public WorkerCutOffException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
