using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Pages.Clerk;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Web.Pages.Dev;

/// <summary>
/// The development clock: the council's today, what is due next in each running cycle, and a form to move the clock
/// forward to a day (midday, council time) so a person can walk a cycle to its meetings without waiting weeks.
/// 404 unless <see cref="DevelopmentClockAccess"/> allows it.
/// </summary>
[DevelopmentClockOnly]
public sealed class ClockModel(ReviewCycleService cycles) : PageModel
{
    /// <summary>The time of day a move lands on: midday, when a meeting has been held in the morning or is still to come.</summary>
    public static readonly TimeOnly LandingTime = new(12, 0);

    public const string DateKey = "Date";

    public DateTimeOffset Now { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Running cycles with their next deadline, soonest first.</summary>
    public IReadOnlyList<DueItem> Due { get; private set; } = [];

    /// <summary>The soonest meeting still to come of a body that has a report in front of it, if any.</summary>
    public DueItem? NextMeeting { get; private set; }

    public bool Moved { get; private set; }

    [BindProperty]
    public DateFields Date { get; set; } = new();

    /// <summary>A quick choice's day (yyyy-MM-dd), from the buttons.</summary>
    [BindProperty]
    public string? Day { get; set; }

    private IDevelopmentClock Clock => DevelopmentClockAccess.For(HttpContext)!;

    public async Task OnGetAsync(bool moved, CancellationToken cancellationToken)
    {
        Moved = moved;
        await LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The date typed into the date input.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Date.IsEmpty)
        {
            return RefuseAsync("Enter the date to move the clock to", cancellationToken);
        }

        return Date.TryParse() is { } day
            ? MoveAsync(day, cancellationToken)
            : RefuseAsync("The date must be a real date, for example 1 4 2026", cancellationToken);
    }

    /// <summary>One of the quick choices (next meeting day, a cycle's next deadline, tomorrow).</summary>
    public Task<IActionResult> OnPostDayAsync(CancellationToken cancellationToken) =>
        DateText.TryParse(Day, out var day)
            ? MoveAsync(day, cancellationToken)
            : RefuseAsync("Choose a day from the list, or enter a date", cancellationToken);

    private async Task<IActionResult> MoveAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var today = CouncilClock.DateOf(Clock.Now, cycles.Settings);
        if (day <= today)
        {
            Date = DateFields.From(day);
            return await RefuseAsync($"The date must be after today ({DateText.WithDay(today)}): the clock only moves forward", cancellationToken).ConfigureAwait(false);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycles.Settings.TimeZoneId);
        var local = day.ToDateTime(LandingTime, DateTimeKind.Unspecified);
        var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (!await Clock.MoveToAsync(instant, cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync($"The clock is already past midday on {DateText.WithDay(day)}: it only moves forward", cancellationToken).ConfigureAwait(false);
        }

        return RedirectToPage(new { moved = true });
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(DateKey, message);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = Clock.Now;
        Today = CouncilClock.DateOf(Now, cycles.Settings);
        var running = (await cycles.ListCyclesAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Stage is not (CycleStage.Adopted or CycleStage.Closed))
            .ToList();
        Due = [.. running
            .Where(c => c.NextDeadline is not null)
            .Select(c => new DueItem(c.CycleId, c.Title, c.Stage, c.NextDeadline!.Date, c.NextDeadline.What))
            .OrderBy(d => d.Date).ThenBy(d => d.Title, StringComparer.Ordinal)];
        NextMeeting = running
            .Where(c => c.Stage == CycleStage.Ratification && c.CurrentBodyIndex is { } i && i < c.Route.Count && c.Route[i].MeetingDate > Today)
            .Select(c => new DueItem(c.CycleId, c.Title, c.Stage, c.Route[c.CurrentBodyIndex!.Value].MeetingDate, $"{c.Route[c.CurrentBodyIndex!.Value].Body} meets"))
            .OrderBy(d => d.Date)
            .FirstOrDefault();
    }

    /// <summary>A cycle's next deadline as the page lists it.</summary>
    public sealed record DueItem(string CycleId, string Title, CycleStage Stage, DateOnly Date, string What);
}
