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

    /// <summary>The version new cycles start with. "2" writes the <c>ReviewCycles</c> read model at each change; "1"
    /// (cycles started before it) runs the same classes without that step, so their histories replay unchanged.</summary>
    public const string CurrentVersion = "2";

    /// <summary>Every version the worker runs, oldest first.</summary>
    public static IReadOnlyList<string> Versions { get; } = ["1", CurrentVersion];

    /// <summary>The parent instance id is the cycle id.</summary>
    public static string ConsultationId(string cycleId, int round) => $"{cycleId}:consultation-{round}";

    public static string DraftingId(string cycleId, int round) => $"{cycleId}:drafting-{round}";

    public static string RatificationId(string cycleId, int round) => $"{cycleId}:ratification-{round}";

    public static string MonitoringId(string cycleId) => $"{cycleId}:monitoring";
}
