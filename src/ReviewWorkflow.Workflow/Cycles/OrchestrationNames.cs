namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Registered orchestrator names and current versions, and the instance ids of a cycle's orchestrations.</summary>
/// <remarks>Bump a version (and register the old class under the old version) whenever an orchestrator's steps change;
/// see the README's "Versioning and golden histories".</remarks>
public static class OrchestrationNames
{
    public const string ReviewCycle = "ReviewCycle";
    public const string Consultation = "Consultation";
    public const string Drafting = "Drafting";
    public const string Ratification = "Ratification";
    public const string Monitoring = "Monitoring";

    public const string CurrentVersion = "1";

    /// <summary>The parent instance id is the cycle id.</summary>
    public static string ConsultationId(string cycleId, int round) => $"{cycleId}:consultation-{round}";

    public static string DraftingId(string cycleId, int round) => $"{cycleId}:drafting-{round}";

    public static string RatificationId(string cycleId, int round) => $"{cycleId}:ratification-{round}";

    public static string MonitoringId(string cycleId) => $"{cycleId}:monitoring";
}
