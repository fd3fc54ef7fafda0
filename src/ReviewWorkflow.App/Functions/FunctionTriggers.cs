namespace ReviewWorkflow.App.Functions;

/// <summary>The custom-handler side of the Functions host protocol that is left: the host's readiness ping. Every public
/// request reaches the app through the forwarding <see cref="FunctionNames.Http"/> function; the orchestrations run on the
/// app's embedded Durable Task worker (issue 14 replaces this front with a Durable Functions app).</summary>
public static class FunctionTriggers
{
    /// <summary>Ordered after every other endpoint, so a page mapped at <c>/</c> answers the ping instead (any answer will do).</summary>
    private const int PingOrder = 100_000;

    public static IEndpointRouteBuilder MapFunctionTriggers(this IEndpointRouteBuilder endpoints)
    {
        // The host polls GET / until the handler answers, then forwards requests.
        endpoints.MapGet("/", () => TypedResults.Ok(new { status = "ready" }))
            .WithName("FunctionsHostPing")
            .ExcludeFromDescription()
            .Add(b => ((RouteEndpointBuilder)b).Order = PingOrder);
        return endpoints;
    }
}
