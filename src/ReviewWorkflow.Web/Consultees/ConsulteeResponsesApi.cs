using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Web.Api;
using ReviewWorkflow.Workflow.Responses;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// <c>GET /api/responses/{token}</c> (the form and what is saved), <c>PUT /api/responses/{token}</c> (save) and
/// <c>POST /api/responses/{token}/submit</c>, on the same <see cref="ConsulteeResponseService"/> as the page. Broken
/// link 404, expired or replaced 410, already sent 409 (200 for a repeat with the first submission's Idempotency-Key),
/// bad JSON 400 naming the field, not JSON 415, too many requests 429 with Retry-After. <c>If-Match</c> (the ETag from
/// the last GET or PUT) makes a save fail with 412 instead of replacing someone else's newer save.
/// </summary>
public static class ConsulteeResponsesApi
{
    /// <summary>Adds the rate limiting middleware (after routing, so the consultee policy sees the token) and maps the
    /// three routes. Call after <c>UseRouting</c>/<c>UseAuthorization</c>, as <c>MapReviewWorkflowWeb</c> does.</summary>
    public static WebApplication MapConsulteeResponses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        var group = app.MapGroup("/api/responses/{token}").WithTags("Consultee responses").RequireRateLimiting(ConsulteeRateLimiter.Policy);
        group.MapGet("", GetAsync).WithName("GetResponse")
            .Produces<ResponseFormView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPut("", SaveAsync).WithName("SaveResponse").Accepts<ResponseBody>("application/json")
            .Produces<ResponseFormView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/submit", SubmitAsync).WithName("SubmitResponse").Accepts<ResponseBody>("application/json")
            .Produces<ResponseFormView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> GetAsync(string token, HttpContext context, ConsulteeResponseService service, CancellationToken cancellationToken)
    {
        var opening = await service.OpenAsync(token, context, cancellationToken).ConfigureAwait(false);
        return opening.IsOpen ? View(context, ResponseFormView.From(opening)) : NotOpen(context, opening);
    }

    private static async Task<IResult> SaveAsync(string token, HttpContext context, ConsulteeResponseService service, IdempotentSaves saves, CancellationToken cancellationToken)
    {
        var (opening, key, content, bytes, refusal) = await ReadRequestAsync(token, context, service, bodyRequired: true, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var consulteeKey = opening.Form!.CycleId + "|" + opening.Form.ConsulteeId;
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        if (key is not null && saves.Find(consulteeKey, key) is { } earlier)
        {
            if (earlier.RequestHash != hash)
            {
                return Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was already used for a different request.",
                    "Use a new Idempotency-Key for each different save. Nothing was changed.");
            }

            context.Response.Headers.ETag = earlier.ETag;
            return Results.Text(earlier.Body, "application/json", statusCode: earlier.Status);
        }

        var outcome = await service.SaveAsync(opening, content!, IfMatch(context), cancellationToken).ConfigureAwait(false);
        if (outcome.Kind != ResponseOutcomeKind.Saved)
        {
            return Refused(context, opening, outcome);
        }

        var view = ResponseFormView.From(opening with { Response = outcome.Response });
        if (key is not null)
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            saves.Remember(consulteeKey, key, hash, StatusCodes.Status200OK, JsonSerializer.Serialize(view, json), view.ETag);
        }

        return View(context, view);
    }

    private static async Task<IResult> SubmitAsync(string token, HttpContext context, ConsulteeResponseService service, CancellationToken cancellationToken)
    {
        var (opening, key, content, _, refusal) = await ReadRequestAsync(token, context, service, bodyRequired: false, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await service.SubmitAsync(opening, IfMatch(context), content, key, cancellationToken).ConfigureAwait(false);
        return outcome.Kind == ResponseOutcomeKind.Submitted
            ? View(context, ResponseFormView.From(opening with { Response = outcome.Response }))
            : Refused(context, opening, outcome);
    }

    /// <summary>What a save and a submit check first, in this order: the link, the Idempotency-Key (optional here), the
    /// body. <c>Refusal</c> is the answer to give when any of them fails.</summary>
    private static async Task<(ConsulteeOpening Opening, string? Key, ResponseContent? Content, byte[] Bytes, IResult? Refusal)> ReadRequestAsync(
        string token, HttpContext context, ConsulteeResponseService service, bool bodyRequired, CancellationToken cancellationToken)
    {
        var opening = await service.OpenAsync(token, context, cancellationToken).ConfigureAwait(false);
        if (!opening.IsOpen)
        {
            return (opening, null, null, [], NotOpen(context, opening));
        }

        var (key, badKey) = ApiBody.IdempotencyKey(context.Request, required: false);
        if (badKey is not null)
        {
            return (opening, null, null, [], badKey);
        }

        var (content, bytes, problem) = await ReadBodyAsync(context, bodyRequired, cancellationToken).ConfigureAwait(false);
        return (opening, key, content, bytes, problem);
    }

    /// <summary>The body as response content, or the problem with it (400 naming the field, 413, 415).</summary>
    private static async Task<(ResponseContent? Content, byte[] Bytes, IResult? Problem)> ReadBodyAsync(HttpContext context, bool required, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody && !required)
        {
            return (null, [], null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, [], Problem(StatusCodes.Status415UnsupportedMediaType, NotJsonTitle, NotJson));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, [], Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large.", ResponseLimits.TooLargeMessage));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var content = ResponseJson.Read(document.RootElement, errors);
            return errors.Count > 0 ? (null, bytes, ApiProblems.Fields(errors)) : (content, bytes, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {ex.BytePositionInLine + 1})") : "";
            return (null, bytes, ApiProblems.Field("body", $"The body is not valid JSON{where}. Nothing was changed."));
        }
    }

    internal const string NotJsonTitle = "Send the response as JSON.";
    internal const string NotJson = "Set the Content-Type header to application/json. Nothing was changed.";


    /// <summary>If-Match's ETag; <c>If-None-Match: *</c> (create-only: nothing saved yet) as <see cref="ConsulteeResponseService.NeverSaved"/>; else null.</summary>
    private static string? IfMatch(HttpContext context) =>
        context.Request.Headers.IfMatch.ToString() is { Length: > 0 } etag ? etag
        : context.Request.Headers.IfNoneMatch.ToString().Trim() == "*" ? ConsulteeResponseService.NeverSaved
        : null;

    private static Ok<ResponseFormView> View(HttpContext context, ResponseFormView view)
    {
        if (view.ETag is not null)
        {
            context.Response.Headers.ETag = view.ETag;
        }

        return TypedResults.Ok(view);
    }

    private static IResult Refused(HttpContext context, ConsulteeOpening opening, ResponseOutcome outcome) => outcome.Kind switch
    {
        ResponseOutcomeKind.Invalid => ApiProblems.Fields((outcome.Errors ?? [])
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal)),
        ResponseOutcomeKind.AlreadySubmitted => Problem(StatusCodes.Status409Conflict, "This response has already been sent.", outcome.Message),
        ResponseOutcomeKind.Closed => Problem(StatusCodes.Status409Conflict, "The consultation has closed.", outcome.Message),
        ResponseOutcomeKind.Conflict => Problem(context.Request.Headers.IfMatch.Count > 0 || context.Request.Headers.IfNoneMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            "Someone else saved this response first.", outcome.Message + " GET the response again, merge your changes and send them with the new ETag in If-Match.",
            new Dictionary<string, object?> { ["current"] = ResponseFormView.From(opening with { Response = outcome.Response }) }),
        _ => Problem(StatusCodes.Status409Conflict, "The response could not be changed.", outcome.Message),
    };

    private static IResult NotOpen(HttpContext context, ConsulteeOpening opening)
    {
        var ends = opening.ExpiresAt is { } at ? " on " + Format(DateOnly.FromDateTime(at.UtcDateTime.AddTicks(-1))) : "";
        return opening.State switch
        {
            OpeningState.Expired => Problem(StatusCodes.Status410Gone, "This link has expired.",
                $"The time to respond with this link ended{ends}. Reply to the email that sent it if you still want to say something."),
            OpeningState.Revoked => Problem(StatusCodes.Status410Gone, "This link no longer works.",
                "It has been replaced or withdrawn. Use the link in the latest email about this consultation, or reply to that email."),
            OpeningState.RateLimited => TooManyRequests(context, opening.RetryAfter ?? TimeSpan.FromMinutes(1)),
            _ => Problem(StatusCodes.Status404NotFound, "This link does not work.",
                "Check that the whole link was copied from the email. If it still does not work, reply to the email that sent it."),
        };
    }

    internal static IResult TooManyRequests(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests for this link.",
            string.Create(CultureInfo.InvariantCulture, $"Wait {seconds} seconds, then try again. Nothing was changed."));
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail, IDictionary<string, object?>? extensions = null)
        => TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}

/// <summary>The body of a save or a submission (for the OpenAPI document; the API reads it field by field).</summary>
public sealed record ResponseBody(IReadOnlyList<AnswerItem> Answers, string? Comments);
