namespace ReviewWorkflow.Durable.Tests.Testing;

/// <summary>Throws from an expression of any type (keeps activity lambdas unambiguous).</summary>
public static class Fail
{
    public static T With<T>(Exception exception) => throw exception;
}
