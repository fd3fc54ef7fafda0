using System.Diagnostics;
using System.Reflection;

namespace ReviewWorkflow.Functions.Tests.Fixtures;

internal static class Thrower
{
    /// <summary>True when code of <paramref name="type"/> (its methods or its async state machines) is on the exception's stack.</summary>
    public static bool Ran(this Exception exception, Type type) =>
        new StackTrace(exception).GetFrames().Select(f => f.GetMethod()?.DeclaringType)
            .Any(t => t is not null && (t == type || t.DeclaringType == type));

    /// <summary>Invokes a wrapper method and returns what its task threw.</summary>
    public static async Task<Exception> ThrownByAsync(object target, MethodInfo method, params object?[] arguments)
    {
        try
        {
            await (Task)method.Invoke(target, arguments)!;
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException($"{method.Name} completed instead of reaching the class");
    }
}
