using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>
/// Records a body's decision on one cycle (<see cref="ReviewCycleService.RecordDecisionAsync"/>) and sets the body's
/// next meeting date (<see cref="ReviewCycleService.SetMeetingDateAsync"/>). Refusals come back as the façade's field
/// errors in the GOV.UK error summary with what was typed kept; success redirects to /clerk with a banner. Each form
/// carries an idempotency key rendered at GET, so a double submit is applied once.
/// </summary>
[Authorize(Policy = WebRoles.Policies.Clerk)]
public sealed class DecisionModel(ReviewCycleService cycles, TimeProvider time) : PageModel
{
    /// <summary>The decision form's fields, as the façade names them (and as the error summary links to them).</summary>
    private static readonly HashSet<string> DecisionFields = new(StringComparer.Ordinal)
    {
        "body", "meetingDate", "outcome", "agendaItem", "minuteReference", "resolution", "newMeetingDate", "comments",
    };

    public const string NextMeetingDateField = "nextMeetingDate";

    /// <summary>How long a command may take to show before the page redirects anyway (so the next page shows it).</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    [FromRoute]
    public string CycleId { get; set; } = "";

    public CycleView? Cycle { get; private set; }

    public DecisionDue? Due { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public DateFields MeetingDate { get; set; } = new();

    [BindProperty]
    public string? AgendaItem { get; set; }

    [BindProperty]
    public string? MinuteReference { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public DateFields NewMeetingDate { get; set; } = new();

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    [BindProperty]
    public DateFields NextMeetingDate { get; set; } = new();

    [BindProperty]
    public string? MeetingKey { get; set; }

    /// <summary>The body whose meeting is re-dated: the one the report is with (the default) or a later one.</summary>
    [BindProperty]
    public string? MeetingBody { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (Due is not null)
        {
            Body = Due.Body;
            MeetingDate = DateFields.From(Due.MeetingDate);
        }

        IdempotencyKey = NewKey();
        MeetingKey = NewKey();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        ModelState.Clear(); // binding only ever sets strings; the errors shown are the workflow's
        var outcome = OutcomeChoices.Find(Outcome);
        var meetingDate = MeetingDate.TryParse();
        var newMeetingDate = NewMeetingDate.IsEmpty ? null : NewMeetingDate.TryParse();
        var decision = new CommitteeDecision
        {
            Body = Body ?? "",
            MeetingDate = meetingDate ?? default,
            Outcome = outcome?.Outcome ?? (DecisionOutcome)(-1),
            AgendaItem = Blank(AgendaItem),
            MinuteReference = MinuteReference?.Trim() ?? "",
            Resolution = Resolution?.Trim() ?? "",
            NewMeetingDate = newMeetingDate,
            Comments = Blank(Comments),
        };

        var local = new List<ValidationError>();
        if (meetingDate is null)
        {
            local.Add(new ValidationError("meetingDate", MeetingDate.IsEmpty ? "Enter the date of the meeting that made the decision" : "The meeting date must be a real date, for example 27 3 2027"));
        }

        if (outcome is null)
        {
            local.Add(new ValidationError("outcome", "Choose what the body decided"));
        }

        if (!NewMeetingDate.IsEmpty && newMeetingDate is null)
        {
            local.Add(new ValidationError("newMeetingDate", "The new meeting date must be a real date, for example 27 3 2027"));
        }

        if (local.Count > 0)
        {
            // The workflow cannot take a decision without a date or an outcome; check the rest as it would, to show every problem at once.
            var rest = Due is null ? [] : DecisionValidator.Validate(Cycle!.Route, Due.BodyIndex, decision, CouncilClock.Today(time, cycles.Settings), Cycle.Decisions)
                .Where(e => local.TrueForAll(l => l.Field != e.Field));
            ShowErrors([.. local, .. rest], DecisionField);
            return Page();
        }

        var result = await cycles.RecordDecisionAsync(CycleId, decision, User.ActorFor(WebRoles.Clerk)!, HttpContext.RequestId(), IdempotencyKey ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await cycles.WaitForCommandAsync(result, SettleTimeout, cancellationToken).ConfigureAwait(false);
            return Redirect($"/clerk?recorded={Uri.EscapeDataString(CycleId)}&outcome={outcome!.Value}");
        }

        ShowErrors(result.Errors, DecisionField);
        IdempotencyKey = NewKey(); // refused: nothing happened under the old key, but a fresh one keeps a later retry unambiguous
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingDateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (NextMeetingDate.TryParse() is not { } date)
        {
            ShowErrors([new ValidationError(NextMeetingDateField, NextMeetingDate.IsEmpty ? "Enter the date of the body's next meeting" : "The next meeting date must be a real date, for example 27 3 2027")], _ => NextMeetingDateField);
            return Page();
        }

        var result = await cycles.SetMeetingDateAsync(CycleId, string.IsNullOrWhiteSpace(MeetingBody) ? Due?.Body ?? "" : MeetingBody, date, User.ActorFor(WebRoles.Clerk)!, HttpContext.RequestId(), MeetingKey ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await cycles.WaitForCommandAsync(result, SettleTimeout, cancellationToken).ConfigureAwait(false);
            return Redirect($"/clerk?rescheduled={Uri.EscapeDataString(CycleId)}");
        }

        ShowErrors(result.Errors, _ => NextMeetingDateField);
        MeetingKey = NewKey();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Cycle = await cycles.GetCycleAsync(CycleId, cancellationToken).ConfigureAwait(false);
        if (Cycle is null)
        {
            return false;
        }

        Due = DecisionDue.For(Cycle, cycles.Settings, CouncilClock.Today(time, cycles.Settings));
        IdempotencyKey ??= NewKey();
        MeetingKey ??= NewKey();
        return true;
    }

    private void ShowErrors(IEnumerable<ValidationError> errors, Func<string, string> field)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(field(error.Field), error.Message);
        }
    }

    /// <summary>Façade fields map to the form's; anything else (the stage, the cycle) is about the body the report is with.</summary>
    private static string DecisionField(string field) => DecisionFields.Contains(field) ? field : "body";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
