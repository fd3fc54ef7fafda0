namespace ReviewWorkflow.App.Functions;

/// <summary>
/// What a custom handler answers an invocation with. <see cref="ReturnValue"/> and the outputs are objects, never bare
/// strings: the host tries to Base64-decode string values.
/// </summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResponse Of(object returnValue, params string[] logs) =>
        new(new Dictionary<string, object?>(), logs, returnValue);
}
