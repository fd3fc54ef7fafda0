using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Cycles;

/// <summary>
/// One cycle: timeline, responses per group and consultee, the lead's actions (each a small form: Post/Redirect/Get
/// with a success banner, or the error summary and the typed values), the committee report and the audit trail.
/// Leads, clerks and administrators see it; only leads and administrators act. Clerks do not see consultees' emails.
/// </summary>
[Authorize]
public sealed partial class CycleModel(ReviewCycleService cycles, AuditLog audit, TimeProvider time) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>The idempotency key of the posted form (each form renders its own fresh one).</summary>
    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public ExtendInput Extend { get; set; } = new();

    [BindProperty]
    public DraftInput Draft { get; set; } = new();

    [BindProperty]
    public SignOffInput SignOff { get; set; } = new();

    public CycleView Cycle { get; private set; } = new();

    public IReadOnlyList<ConsulteeProgress> Consultees { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public AuditVerification? Chain { get; private set; }

    /// <summary>Why some consultees were not consulted (directory groups not found; an unreachable directory holds the
    /// consultation instead, see <see cref="ConsultationHoldNotice"/>), from the audit rows
    /// of the consultees step; empty when there is none.</summary>
    public IReadOnlyList<string> ConsulteeProblems => ConsulteeProblemList.From(Trail);

    public bool CanAct { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (!CycleAccess.CanView(User))
        {
            return Forbid();
        }

        Done = CycleAccess.DoneMessage(done);
        Draft.WithRows();
        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, key) => cycles.SendReminderNowAsync(Id, actor, HttpContext.RequestId(), key, cancellationToken), "reminded", _ => "Remind", cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken cancellationToken)
    {
        var text = Extend.Closes?.Trim();
        if (!DateText.TryParse(text, out var closes))
        {
            return RefuseAsync("Extend.Closes", string.IsNullOrEmpty(text) ? "Enter the new closing date." : "Enter the new closing date as a real date, for example 2027-02-19.", cancellationToken);
        }

        return ActAsync((actor, key) => cycles.ExtendConsultationAsync(Id, closes, actor, HttpContext.RequestId(), key, cancellationToken), "extended", _ => "Extend.Closes", cancellationToken);
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, key) => cycles.CloseConsultationAsync(Id, actor, HttpContext.RequestId(), key, cancellationToken), "closed", _ => "Close", cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        Draft.WithRows();
        var rows = Enumerable.Range(0, Draft.YouSaidWeDid.Count).Where(i => !Draft.YouSaidWeDid[i].IsBlank).ToList();
        var submission = new DraftSubmission
        {
            Version = Draft.Version?.Trim() ?? "",
            DocumentUrl = Draft.DocumentUrl?.Trim() ?? "",
            YouSaidWeDid = [.. rows.Select(i => Draft.YouSaidWeDid[i]).Select(r => new YouSaidWeDid { Theme = r.Theme?.Trim() ?? "", YouSaid = r.YouSaid?.Trim() ?? "", WeDid = r.WeDid?.Trim() ?? "", ThemeId = string.IsNullOrWhiteSpace(r.ThemeId) ? null : r.ThemeId.Trim() })],
        };
        return ActAsync((actor, key) => cycles.SubmitDraftAsync(Id, submission, actor, HttpContext.RequestId(), key, cancellationToken), "draft", field =>
        {
            if (DraftRow().Match(field) is { Success: true } m)
            {
                var row = rows.ElementAtOrDefault(int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture));
                var part = m.Groups["part"].Value switch { "youSaid" => "YouSaid", "weDid" => "WeDid", _ => "Theme" };
                return $"Draft.YouSaidWeDid[{row}].{part}";
            }

            return field switch
            {
                "documentUrl" => "Draft.DocumentUrl",
                "youSaidWeDid" => "Draft.YouSaidWeDid[0].Theme",
                _ => "Draft.Version",
            };
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostSignOffAsync(CancellationToken cancellationToken)
    {
        if (SignOff.Approved is not ("yes" or "no"))
        {
            return RefuseAsync("SignOff.Approved", "Choose whether you sign the draft off.", cancellationToken);
        }

        return ActAsync((actor, key) => cycles.SignOffAsync(Id, SignOff.Approved == "yes", SignOff.Comments?.Trim(), actor, HttpContext.RequestId(), key, cancellationToken),
            "signed-off", field => field == "comments" ? "SignOff.Comments" : "SignOff.Approved", cancellationToken);
    }

    /// <summary>Runs a lead's command: 403 for anyone else; on success a redirect to the page with a banner; otherwise
    /// the page again with the façade's errors on the form's fields (nothing changed).</summary>
    private async Task<IActionResult> ActAsync(Func<Actor, string, Task<CycleResult>> command, string done, Func<string, string> fieldFor, CancellationToken cancellationToken)
    {
        if (User.ActorFor(WebRoles.Lead) is not { } actor)
        {
            return Forbid();
        }

        var result = await command(actor, Key ?? "").ConfigureAwait(false);
        if (result.Kind == CycleResultKind.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            // The page this redirects to shows the command's effect, not the state before it (no "No draft yet" flash).
            await cycles.WaitForCommandAsync(result, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            return Redirect($"/cycles/{Uri.EscapeDataString(Id)}?done={done}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(fieldFor(error.Field), error.Message);
        }

        return await ShowAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<IActionResult> RefuseAsync(string key, string message, CancellationToken cancellationToken)
    {
        if (!CycleAccess.CanAct(User))
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        ModelState.AddModelError(key, message);
        return ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Draft.WithRows();
        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await cycles.GetCycleWithConsulteesAsync(Id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return false;
        }

        (Cycle, Consultees) = found;
        CanAct = CycleAccess.CanAct(User);
        Today = CouncilClock.Today(time, cycles.Settings);
        (Trail, Chain) = await audit.ReadVerifiedAsync(Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A fresh idempotency key for one form.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"^youSaidWeDid\[(?<i>\d{1,3})\](?:\.(?<part>\w+))?")]
    private static partial Regex DraftRow();
}
