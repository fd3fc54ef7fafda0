namespace ReviewWorkflow.App.Functions;

/// <summary>The function folders (src/ReviewWorkflow.App/Functions/NAME/function.json).</summary>
public static class FunctionNames
{
    /// <summary>Catch-all HTTP trigger; with <c>enableForwardingHttpRequest</c> the host forwards requests unchanged.</summary>
    public const string Http = "Http";

    public static readonly IReadOnlyList<string> All = [Http];
}
