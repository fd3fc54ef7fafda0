namespace ReviewWorkflow.Durable;

/// <summary>Why an activity, sub-orchestration or orchestration failed; serializable and kept in history.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null, bool IsNonRetriable = false)
{
    /// <summary>True if the failure was caused by an exception of type <typeparamref name="T"/> (or a subtype, when loadable).</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        if (string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal))
        {
            return true;
        }

        var type = Type.GetType(ErrorType, throwOnError: false) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(ErrorType, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type is not null && typeof(T).IsAssignableFrom(type);
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TaskFailedException tfe => new TaskFailureDetails(
                exception.GetType().FullName!, exception.Message, exception.StackTrace, tfe.FailureDetails, tfe.FailureDetails.IsNonRetriable),
            _ => new TaskFailureDetails(
                exception.GetType().FullName!,
                exception.Message,
                exception.StackTrace,
                exception.InnerException is null ? null : FromException(exception.InnerException),
                exception is NonRetriableException),
        };
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}

/// <summary>Thrown by an activity to say that retrying cannot help; retry policies stop at once.</summary>
public class NonRetriableException : Exception
{
    public NonRetriableException() { }
    public NonRetriableException(string message) : base(message) { }
    public NonRetriableException(string message, Exception inner) : base(message, inner) { }
}
