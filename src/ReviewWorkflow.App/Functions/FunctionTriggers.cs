namespace ReviewWorkflow.App.Functions;

/// <summary>The custom-handler side of the Functions host protocol: the ping and <c>POST /{FunctionName}</c> invocations.</summary>
public static class FunctionTriggers
{
    /// <summary>Ordered after every other endpoint, so a page mapped at <c>/</c> answers the ping instead (any answer will do).</summary>
    private const int PingOrder = 100_000;

    public static IServiceCollection AddFunctionTriggers(this IServiceCollection services)
    {
        services.AddSingleton<DurableTriggers>();
        return services;
    }

    public static IEndpointRouteBuilder MapFunctionTriggers(this IEndpointRouteBuilder endpoints)
    {
        // The host polls GET / until the handler answers, then starts sending invocations.
        endpoints.MapGet("/", () => TypedResults.Ok(new { status = "ready" }))
            .WithName("FunctionsHostPing")
            .ExcludeFromDescription()
            .Add(b => ((RouteEndpointBuilder)b).Order = PingOrder);

        var triggers = endpoints.MapGroup("").AddEndpointFilter<HostOnlyFilter>().ExcludeFromDescription();
        triggers.MapPost("/" + FunctionNames.DurableControl,
            (InvocationRequest request, DurableTriggers handler, CancellationToken ct) => handler.ControlAsync(request, ct));
        triggers.MapPost("/" + FunctionNames.DurableWorkItems,
            (InvocationRequest request, DurableTriggers handler, CancellationToken ct) => handler.WorkItemsAsync(request, ct));
        triggers.MapPost("/" + FunctionNames.Sweep,
            (InvocationRequest request, DurableTriggers handler, CancellationToken ct) => handler.SweepAsync(request, ct));
        return endpoints;
    }
}
