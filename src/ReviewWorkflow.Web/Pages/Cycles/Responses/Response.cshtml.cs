using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Pages.Cycles.Responses;

/// <summary>
/// One submitted response in full, for the cycle's lead (and administrators) to tag it, or one of its comments, with
/// themes and to choose comments as quotes. Each change is a small form (Post/Redirect/Get); each is audited by the
/// workflow; the response's text is only shown, never changed.
/// </summary>
[Authorize]
public sealed class ResponseModel(ResponseAnalysis analysis) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Consultee { get; set; } = "";

    [BindProperty]
    public string? ThemeId { get; set; }

    [BindProperty]
    public string? Part { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    public CycleResponses Cycle { get; private set; } = new();

    public SubmittedResponse Submitted { get; private set; } = new();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "tagged" => "The theme has been added.",
            "untagged" => "The theme has been taken off.",
            "quoted" => "The comment will be quoted for the theme.",
            "unquoted" => "The comment is no longer quoted.",
            _ => null,
        };
        return await LoadAsync(cancellationToken).ConfigureAwait(false) ?? Page();
    }

    public Task<IActionResult> OnPostTagAsync(CancellationToken cancellationToken) => ActAsync(analysis.TagAsync, "tagged", cancellationToken);

    public Task<IActionResult> OnPostUntagAsync(CancellationToken cancellationToken) => ActAsync(analysis.UntagAsync, "untagged", cancellationToken);

    public Task<IActionResult> OnPostQuoteAsync(CancellationToken cancellationToken) => ActAsync(analysis.ChooseQuoteAsync, "quoted", cancellationToken);

    public Task<IActionResult> OnPostUnquoteAsync(CancellationToken cancellationToken) => ActAsync(analysis.RemoveQuoteAsync, "unquoted", cancellationToken);

    private delegate Task<ThemeResult> ThemeCommand(string cycleId, string? themeId, string? consulteeId, string? part, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken);

    private async Task<IActionResult> ActAsync(ThemeCommand command, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        if (ResponsesAccess.ActorFor(User) is not { } actor)
        {
            return Forbid();
        }

        var result = await command(Id, ThemeId, Consultee, Part, actor, HttpContext.RequestId(), Key ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Redirect($"/cycles/{Uri.EscapeDataString(Id)}/responses/{Uri.EscapeDataString(Consultee)}?done={done}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field == "part" ? nameof(Part) : nameof(ThemeId), error.Message);
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ?? Page();
    }

    /// <summary>Null when the page may be shown; otherwise 404 (no cycle, or no submitted response) or 403.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await analysis.LoadAsync(Id, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return NotFound();
        }

        if (!ResponsesAccess.Allows(User, cycle.Cycle))
        {
            return Forbid();
        }

        if (cycle.Find(Consultee) is not { } response)
        {
            return NotFound();
        }

        Cycle = cycle;
        Submitted = response;
        return null;
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
