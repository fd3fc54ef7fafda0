using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Analysis;

namespace ReviewWorkflow.Web.Pages.Cycles.Responses;

/// <summary>
/// A cycle's submitted responses for its lead (and administrators): filters, counts that follow them, the views at a
/// glance, the themes with their counts, and one page of <see cref="ResponseFilter.PageSize"/> responses. Saved-but-unsent
/// answers are only counted. Bad filter values are named in the error summary and ignored; nothing changes.
/// </summary>
[Authorize]
public sealed class IndexModel(ResponseAnalysis analysis) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? ThemeName { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    public CycleResponses Cycle { get; private set; } = new();

    public ResponsePage Results { get; private set; } = new();

    /// <summary>The query values as typed, to put back in the filter form.</summary>
    public ResponsesQuery Query { get; private set; } = new();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ResponsesQuery query, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        Query = query ?? new ResponsesQuery();
        Done = done == "theme" ? "The theme has been added. Open a response to tag it or one of its comments." : null;
        Show(Query);
        return Page();
    }

    public async Task<IActionResult> OnPostThemeAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        if (ResponsesAccess.ActorFor(User) is not { } actor)
        {
            return Forbid();
        }

        var result = await analysis.CreateThemeAsync(Id, ThemeName, actor, HttpContext.RequestId(), Key ?? "", cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return Redirect($"/cycles/{Uri.EscapeDataString(Id)}/responses?done=theme#themes");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(ThemeName), error.Message);
        }

        Show(Query);
        return Page();
    }

    /// <summary>Null when the page may be shown; otherwise 404 or 403.</summary>
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

        Cycle = cycle;
        return null;
    }

    private void Show(ResponsesQuery query)
    {
        var (filter, errors) = ResponseFilterParser.Parse(Cycle, query.Group, query.Audience, query.Pledge, query.View, query.Theme, query.Q, query.Page);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        Results = ResponseQuery.Run(Cycle, filter);
        if (Results.OutOfRange)
        {
            ModelState.AddModelError("page", $"There is no page {filter.Page}: the responses fill {Math.Max(Results.PageCount, 1)} {(Results.PageCount > 1 ? "pages" : "page")}.");
        }
    }

    /// <summary>A link to this page with the current filters and another page (or other values).</summary>
    public string Link(ResponsesQuery query) => $"/cycles/{Uri.EscapeDataString(Id)}/responses{query.QueryString()}";

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
