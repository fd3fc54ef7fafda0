using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>The committee clerk's list: every decision due from a body, across all cycles in ratification, by meeting date.</summary>
[Authorize(Policy = WebRoles.Policies.Clerk)]
public sealed class IndexModel(ReviewCycleService cycles, TimeProvider time) : PageModel
{
    public IReadOnlyList<DecisionDue> Due { get; private set; } = [];

    /// <summary>After a decision or a new meeting date (Post/Redirect/Get): what the banner says, or null.</summary>
    public string? Banner { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Recorded { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rescheduled { get; set; }

    public DateOnly Today { get; private set; }

    /// <summary>The council's publication clear days (5 in England).</summary>
    public int PublicationClearDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = cycles.Settings;
        Today = CouncilClock.Today(time, settings);
        PublicationClearDays = settings.PublicationClearDays;
        var all = await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false);
        Due = [.. all.Select(c => DecisionDue.For(c, settings, Today)).OfType<DecisionDue>().OrderBy(d => d.MeetingDate).ThenBy(d => d.Title, StringComparer.Ordinal)];
        Banner = await BannerAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task<string?> BannerAsync(CancellationToken cancellationToken)
    {
        if (Recorded is { Length: > 0 } && OutcomeChoices.Find(Outcome) is { } outcome
            && await cycles.GetCycleAsync(Recorded, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            return $"Decision recorded for {recorded.Title}: {outcome.Label.ToLowerInvariant()}.";
        }

        if (Rescheduled is { Length: > 0 } && await cycles.GetCycleAsync(Rescheduled, cancellationToken).ConfigureAwait(false) is { } rescheduled)
        {
            return $"Meeting date set for {rescheduled.Title}.";
        }

        return null;
    }
}
