namespace ReviewWorkflow.App.Functions;

/// <summary>The function folders (src/ReviewWorkflow.App/Functions/NAME/function.json); the host POSTs to <c>/NAME</c>.</summary>
public static class FunctionNames
{
    /// <summary>Catch-all HTTP trigger; with <c>enableForwardingHttpRequest</c> the host forwards requests unchanged.</summary>
    public const string Http = "Http";

    /// <summary>Queue trigger on <c>{hub}-control</c>: orchestration wake-ups.</summary>
    public const string DurableControl = "DurableControl";

    /// <summary>Queue trigger on <c>{hub}-workitems</c>: activity work items.</summary>
    public const string DurableWorkItems = "DurableWorkItems";

    /// <summary>Timer trigger: the durable runtime's housekeeping sweep.</summary>
    public const string Sweep = "Sweep";

    /// <summary>The queue-trigger binding name in function.json.</summary>
    public const string QueueBinding = "msg";

    /// <summary>The timer-trigger binding name in function.json.</summary>
    public const string TimerBinding = "timer";

    public static readonly IReadOnlyList<string> All = [Http, DurableControl, DurableWorkItems, Sweep];
}
