using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace ReviewWorkflow.DurableTask.Client;

/// <summary>Maps DTFx statuses, failures and filters to the Microsoft.DurableTask client types.</summary>
internal static class StatusConversions
{
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this Core.OrchestrationStatus status) => status switch
    {
        Core.OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        Core.OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete in the client but DTFx can still report them.
        Core.OrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        Core.OrchestrationStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
#pragma warning restore CS0618
        Core.OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Core.OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Core.OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Core.OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static Core.OrchestrationStatus ToCoreStatus(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Core.OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => Core.OrchestrationStatus.Completed,
#pragma warning disable CS0618 // see above
        OrchestrationRuntimeStatus.ContinuedAsNew => Core.OrchestrationStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Canceled => Core.OrchestrationStatus.Canceled,
#pragma warning restore CS0618
        OrchestrationRuntimeStatus.Failed => Core.OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => Core.OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Core.OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Core.OrchestrationStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static bool IsTerminal(this Core.OrchestrationStatus status) =>
        status is Core.OrchestrationStatus.Completed or Core.OrchestrationStatus.Failed
            or Core.OrchestrationStatus.Terminated or Core.OrchestrationStatus.Canceled;

    public static TaskFailureDetails? ToTaskFailureDetails(this Core.FailureDetails? details) =>
        details is null
            ? null
            : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure.ToTaskFailureDetails(), details.Properties);
}
