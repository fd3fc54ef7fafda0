using System.Text.Json;
using ReviewWorkflow.DurableTask.WakeUps;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.App.Development;

/// <summary>
/// Wires the controllable clock when <c>Development:ControllableClock</c> is true AND the environment is Development:
/// the app's <see cref="TimeProvider"/> becomes a <see cref="ControllableClock"/>; <c>POST /dev/clock</c> with JSON
/// <c>{ "now": "&lt;ISO instant&gt;" }</c> (loopback only) jumps it forward and <c>GET /dev/clock</c> with
/// <c>Accept: application/json</c> reads it; a browser's requests to the same path reach the <c>/dev/clock</c> page
/// (<see cref="IDevelopmentClock"/>). Otherwise nothing is registered and <c>/dev/clock</c> is 404 like any unknown path.
/// </summary>
public static class DevelopmentClockExtensions
{
    public const string Path = "/dev/clock";

    public static WebApplicationBuilder AddDevelopmentClock(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(DevelopmentClockOptions.SectionName).Get<DevelopmentClockOptions>() ?? new();
        if (!options.ControllableClock || !builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var file = string.IsNullOrWhiteSpace(options.ClockFile)
            ? System.IO.Path.Combine(builder.Environment.ContentRootPath, "reviewworkflow-dev-clock.txt")
            : options.ClockFile;
        var clock = new ControllableClock(file, UnderlyingClock(builder.Services));

        // Registered before the libraries' TryAddSingleton(TimeProvider.System), so every component reads this clock.
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IDevelopmentClock>(sp => new ControllableDevelopmentClock(clock, sp.GetService<WakeUpSweeper>()));
        builder.Services.AddSingleton<IStartupFilter, DevelopmentClockStartupFilter>();
        return builder;
    }

    /// <summary>The clock already registered (a test host's shifted clock), which the controllable clock then runs on
    /// top of so both agree; the system clock when there is none.</summary>
    private static TimeProvider? UnderlyingClock(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService)?.ImplementationInstance as TimeProvider;

    /// <summary>Puts the clock endpoint in front of the app's pipeline (no route, sign-in or antiforgery involved: it
    /// is a loopback-only test hook).</summary>
    private sealed class DevelopmentClockStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || !LocalDevelopment.Allows(context) || IsForThePage(context.Request))
                {
                    await nextMiddleware(context).ConfigureAwait(false);
                    return;
                }

                await HandleAsync(context).ConfigureAwait(false);
            });
            next(app);
        };
    }

    /// <summary>A browser's request: a GET that does not ask for JSON only, or a form post. Those go to the page.</summary>
    internal static bool IsForThePage(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method))
        {
            return request.HasFormContentType;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        var html = accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return !json || html;
    }

    internal sealed record ClockRequest(DateTimeOffset? Now);

    internal sealed record ClockState(DateTimeOffset Now, TimeSpan Offset);

    private static async Task HandleAsync(HttpContext context)
    {
        var clock = context.RequestServices.GetRequiredService<ControllableClock>();
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await Results.Ok(new ClockState(clock.GetUtcNow(), clock.Offset)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Use GET or POST on /dev/clock.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        ClockRequest? request = null;
        try
        {
            request = await context.Request.ReadFromJsonAsync<ClockRequest>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        if (request?.Now is not { } now)
        {
            await Invalid(context, "Send JSON { \"now\": \"<ISO 8601 instant>\" } with the instant to jump the clock to.").ConfigureAwait(false);
            return;
        }

        if (!clock.TryJumpTo(now))
        {
            await Invalid(context, $"The clock only moves forward: {now:O} is before its current time {clock.GetUtcNow():O}.").ConfigureAwait(false);
            return;
        }

        // Whatever fell due by the new time happens now, not at the next periodic sweep.
        context.RequestServices.GetService<WakeUpSweeper>()?.RequestSweep();
        await Results.Ok(new ClockState(clock.GetUtcNow(), clock.Offset)).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Task Invalid(HttpContext context, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["now"] = [message] }, title: "The clock was not moved.")
            .ExecuteAsync(context);
}
