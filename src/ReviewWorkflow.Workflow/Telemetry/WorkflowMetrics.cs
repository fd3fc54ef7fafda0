using System.Diagnostics.Metrics;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Telemetry;

/// <summary>
/// The review cycle's business metrics, recorded where the thing happens (the mailer, the bounce command, the response
/// store), so they count the same whichever host runs the activities. Each counts a fact once: a repeat that the
/// idempotency key turns into a no-op is not counted again. Tags stay low-cardinality (no cycle or consultee ids).
/// </summary>
public static class WorkflowMetrics
{
    /// <summary>The meter's name; exporters pick it up with <c>ReviewWorkflow.*</c>.</summary>
    public const string Name = "ReviewWorkflow.Workflow";

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "reviewworkflow.emails.sent", "{email}", "Workflow emails the provider (SendGrid or the local outbox) accepted; idempotent repeats are not counted.");

    public static readonly Counter<long> EmailsBounced = Meter.CreateCounter<long>(
        "reviewworkflow.emails.bounced", "{email}", "Bounces and drops the provider's event webhook reported and the cycle accepted; repeated events are not counted.");

    public static readonly Counter<long> ResponsesReceived = Meter.CreateCounter<long>(
        "reviewworkflow.responses.received", "{response}", "Consultation responses submitted for the first time.");

    /// <summary>Counts <paramref name="result"/> unless the sender's idempotency ledger suppressed it as a repeat.</summary>
    public static void EmailSent(EmailSendResult result, string category)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.AlreadySent)
        {
            EmailsSent.Add(1, new KeyValuePair<string, object?>("category", category), new KeyValuePair<string, object?>("provider", result.Provider));
        }
    }

    /// <summary>Counts a bounce the cycle accepted (not a repeated, refused or unknown one); returns <paramref name="result"/>.</summary>
    public static CycleResult BounceFlagged(CycleResult result, string kind)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == CycleResultKind.Accepted)
        {
            EmailsBounced.Add(1, new KeyValuePair<string, object?>("kind", kind));
        }

        return result;
    }

    /// <summary>Counts a first successful submission; returns <paramref name="outcome"/>.</summary>
    public static ResponseOutcome ResponseReceived(ResponseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind == ResponseOutcomeKind.Submitted)
        {
            ResponsesReceived.Add(1, new KeyValuePair<string, object?>("late", outcome.Response?.Late ?? false));
        }

        return outcome;
    }
}
