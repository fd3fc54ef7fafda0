using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// The one path from a consultee's token to their response, shared by <c>/respond/{token}</c> and
/// <c>/api/responses/{token}</c> so the page and the API cannot differ: check the link, load the form and the stored
/// response, save, submit. A token opens only the response it was issued for (cycle and consultee come from the checked
/// token, never from the request). Broken links count against the caller's address (<see cref="ConsulteeRateLimiter"/>)
/// to slow token guessing. Each save and the submission append an audit row naming who saved: the name typed on a
/// partner's shared link (<see cref="SharedLink"/>), otherwise the consultee's id.
/// </summary>
public sealed class ConsulteeResponseService(IConsulteeLinkIssuer links, ReviewCycleService cycles, ResponseStore store, ConsulteeRateLimiter limiter, AuditLog audit)
{
    /// <summary>What <paramref name="token"/> opens: the link's row is checked first, then (only when it works) the form
    /// and the stored response are read. A save or submission right after it writes from that read, guarded by its
    /// ETag (<see cref="ResponseRead"/>), so it is one read of the response plus one write.</summary>
    public async Task<ConsulteeOpening> OpenAsync(string token, HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = await links.CheckAsync(token ?? "", cancellationToken).ConfigureAwait(false);
        var state = ConsulteeOpening.From(check.State);
        var form = state == OpeningState.Open && check is { CycleId: { } cycleId, ConsulteeId: { } consulteeId }
            ? await cycles.GetConsulteeFormAsync(cycleId, consulteeId, cancellationToken).ConfigureAwait(false)
            : null;
        if (state == OpeningState.Open && form is null)
        {
            state = OpeningState.Invalid; // a signed token for a cycle or consultee that is not (or no longer) there
        }

        if (state == OpeningState.Invalid && limiter.RefuseBrokenLink(context) is { } wait)
        {
            return new ConsulteeOpening(OpeningState.RateLimited, RetryAfter: wait);
        }

        if (state != OpeningState.Open)
        {
            return new ConsulteeOpening(state, ExpiresAt: check.ExpiresAt);
        }

        var response = await store.GetAsync(form!.CycleId, form.ConsulteeId, cancellationToken).ConfigureAwait(false);
        return new ConsulteeOpening(OpeningState.Open, form, response, check.ExpiresAt);
    }

    /// <summary>The version a form started from when nothing had been saved yet (the store's If-None-Match: *): the save
    /// is then create-only, so a colleague's first save made meanwhile is a conflict, not silently replaced.</summary>
    public const string NeverSaved = "none";

    /// <summary>Saves a version (nothing is stored when the content breaks a rule). <paramref name="expectedETag"/>: the
    /// version the person started from; <see cref="NeverSaved"/> when nothing was saved; null means "whatever is stored now".
    /// <paramref name="savedBy"/>: the name typed on a shared partner link (required there, refused on a personal link).</summary>
    public async Task<ResponseOutcome> SaveAsync(ConsulteeOpening opening, ResponseContent content, string? expectedETag, string? savedBy, string? requestId,
        CancellationToken cancellationToken = default)
    {
        var form = Require(opening);
        ArgumentNullException.ThrowIfNull(content);
        var errors = TooLong(content, opening.Wording).ToList();
        if (SharedLink.Check(form, savedBy) is { } nameError)
        {
            errors.Insert(0, nameError);
        }

        if (errors.Count > 0)
        {
            return new ResponseOutcome(ResponseOutcomeKind.Invalid, opening.Response, Errors: errors, Message: "Some answers need changing before they can be saved.");
        }

        var who = Contributor(form, savedBy);
        var outcome = await store.SaveAsync(form.CycleId, form.ConsulteeId, content, who, Expected(expectedETag, opening), form.Rules,
            ReadOf(opening), cancellationToken).ConfigureAwait(false);
        if (outcome is { Kind: ResponseOutcomeKind.Saved, Response: { } saved } && SharedLink.IsShared(form))
        {
            await AuditAsync(form, who, AuditActions.ResponseSaved, saved, $"response-saved:{form.ConsulteeId}:{saved.Version}", requestId, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Submits once: the stored version, or <paramref name="finalContent"/> saved and submitted in one write.
    /// A repeat with the first submission's <paramref name="idempotencyKey"/> returns the first result.
    /// <paramref name="savedBy"/>: as for <see cref="SaveAsync"/>.</summary>
    public async Task<ResponseOutcome> SubmitAsync(ConsulteeOpening opening, string? expectedETag, ResponseContent? finalContent, string? idempotencyKey,
        string? savedBy, string? requestId, CancellationToken cancellationToken = default)
    {
        var form = Require(opening);
        List<ValidationError> errors = finalContent is null ? [] : TooLong(finalContent, opening.Wording).ToList();
        if (SharedLink.Check(form, savedBy) is { } nameError)
        {
            errors.Insert(0, nameError);
        }

        if (errors.Count > 0)
        {
            return new ResponseOutcome(ResponseOutcomeKind.Invalid, opening.Response, Errors: errors, Message: "Some answers need changing before you can submit.");
        }

        var who = Contributor(form, savedBy);
        var outcome = await store.SubmitAsync(form.CycleId, form.ConsulteeId, who, Expected(expectedETag, opening), form.Rules, finalContent,
            string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey, ReadOf(opening), cancellationToken).ConfigureAwait(false);
        if (outcome is { Kind: ResponseOutcomeKind.Submitted, Response: { } sent } && SharedLink.IsShared(form))
        {
            // The stored SubmittedBy, not this request's name: a repeat of the submission must not re-attribute it.
            await AuditAsync(form, sent.SubmittedBy ?? who, AuditActions.ResponseSubmitted, sent, $"response-submitted:{form.ConsulteeId}", requestId, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// On a shared partner link, one row per stored version and one for the submission (keyed by them, so a retried save
    /// that stored nothing new adds nothing), naming the colleague as typed: several people write one response, and the
    /// trail says who did what. A personal link (a child, a carer) is not audited per save: its response row is the record
    /// (who, when, version), as before. Auditing every consultee's every save made the cycle's hash chain — one writer at a
    /// time per cycle — the bottleneck of a consultation: `./load.sh` went from 288 ms to 10 s submit p95.
    /// </summary>
    private Task<AuditEntry> AuditAsync(ConsulteeForm form, string who, string action, StoredResponse response, string key, string? requestId, CancellationToken cancellationToken)
    {
        // The typed name is personal data: committed by the consultee's salt (scheme v2), so it can be erased later.
        var details = new JsonObject { ["version"] = response.Version, ["shared"] = true };

        if (form.Organisation is { Length: > 0 } organisation)
        {
            details["organisation"] = organisation;
        }

        if (response.Submitted)
        {
            details["late"] = response.Late;
        }

        return audit.AppendAsync(form.CycleId, new AuditEvent
        {
            Actor = who,
            Role = AuditRole.Consultee,
            Action = action,
            Subject = form.ConsulteeId,
            Details = details,
            PersonalSubject = form.ConsulteeId,
            PersonalDetails = new JsonObject { ["savedBy"] = who },
            RequestId = requestId is { Length: > 0 and <= 200 } ? requestId : null,
            IdempotencyKey = key,
        }, cancellationToken);
    }

    /// <summary>The ETag the store must find: none (create-only) for a never-saved form, the stored one when none was given.</summary>
    private static string? Expected(string? expectedETag, ConsulteeOpening opening) =>
        expectedETag == NeverSaved ? null : expectedETag ?? opening.Response?.ETag;

    /// <summary>The response the opening read, as the store takes it for a write.</summary>
    private static ResponseRead ReadOf(ConsulteeOpening opening) => new(opening.Response);

    /// <summary>Comments over <see cref="ResponseLimits"/>, said as what to do in the form's own words (pledge, priority
    /// or promise); the store checks the same limits again.</summary>
    public static IReadOnlyList<ValidationError> TooLong(ResponseContent content, ConsulteeWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return ResponseLimits.CheckLengths(content, wording.Item);
    }

    private static ConsulteeForm Require(ConsulteeOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return opening.IsOpen ? opening.Form! : throw new InvalidOperationException("Only an open link can save or submit.");
    }

    /// <summary>The name recorded against each save: on a shared partner link the name typed (checked by
    /// <see cref="SharedLink.Check"/>), otherwise the consultee the link was issued to.</summary>
    private static string Contributor(ConsulteeForm form, string? savedBy)
    {
        if (SharedLink.IsShared(form) && savedBy is not null)
        {
            return SharedLink.Clean(savedBy);
        }

        var name = string.IsNullOrWhiteSpace(form.ConsulteeName) ? "Consultee" : form.ConsulteeName.Trim();
        return name.Length > ResponseLimits.ContributorName ? name[..ResponseLimits.ContributorName] : name;
    }
}
