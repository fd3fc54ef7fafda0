using Microsoft.AspNetCore.Mvc;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Analysis;

namespace ReviewWorkflow.Web.Pages.Cycles.Responses;

/// <summary>
/// The lead's themes in the draft form on the cycle page: with no <c>row</c>, each theme with how many said it and the
/// quotes chosen; with a row, the choice of theme for that "you said, we did" entry. Nothing for users who may not read
/// the responses, or while there are no themes. The cycle's responses are read once per request however often it is used.
/// </summary>
public sealed class DraftThemesViewComponent(ResponseAnalysis analysis) : ViewComponent
{
    private const string ItemKey = "ReviewWorkflow.DraftThemes";

    public sealed record Model(CycleResponses Cycle, int? Row, string? Selected);

    public async Task<IViewComponentResult> InvokeAsync(string cycleId, int? row = null, string? selected = null)
    {
        if (!HttpContext.Items.TryGetValue(ItemKey, out var known))
        {
            known = await analysis.LoadAsync(cycleId, HttpContext.RequestAborted).ConfigureAwait(false);
            HttpContext.Items[ItemKey] = known;
        }

        if (known is not CycleResponses cycle || cycle.Themes.Themes.Count == 0 || !ResponsesAccess.Allows(UserClaimsPrincipal, cycle.Cycle))
        {
            return Content("");
        }

        return View("~/Pages/Cycles/Responses/_DraftThemes.cshtml", new Model(cycle, row, selected));
    }
}
