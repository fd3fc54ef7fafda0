using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Security;

namespace ReviewWorkflow.Web.Outbox;

/// <summary>A message in the local outbox as the API shows it.</summary>
public sealed record OutboxItem(string Id, string To, string? ToName, string Subject, string Text, DateTimeOffset SentAt, IReadOnlyList<string> Links);

/// <summary><c>GET /api/outbox</c>: the local outbox for scripts and tests that follow emailed links.</summary>
public static class OutboxApi
{
    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/outbox", ListAsync).WithName("ListOutbox").WithTags("Local outbox");
        return endpoints;
    }

    /// <summary>The outbox exists only when mail goes to the local outbox (no SendGrid key) and only for local
    /// development requests: it holds every consultee's personal link.</summary>
    internal static IOutbox? LocalOutbox(HttpContext context)
        => LocalDevelopment.Allows(context) ? context.RequestServices.GetService<IOutbox>() : null;

    private static async Task<Results<Ok<IReadOnlyList<OutboxItem>>, ProblemHttpResult>> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (LocalOutbox(context) is not { } outbox)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "There is no local outbox here.",
                detail: "The local outbox is available only in the Development environment, from this machine, when no SendGrid key is configured.");
        }

        var messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<OutboxItem>>([.. messages.Select(m => new OutboxItem(m.Id, m.To, m.ToName, m.Subject, m.TextBody, m.SentAt, m.Links))]);
    }
}
