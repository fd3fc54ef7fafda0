using System.Globalization;

namespace ReviewWorkflow.Drive;

/// <summary>
/// The cycles a run starts: ids, consultees (addresses unique across the run, so each outbox message names its
/// consultee), and one calendar shared by all: day 0 is a Monday at 10:00 UTC (after the 09:00 send time, so requests go
/// at once); consultation closes day 14, drafting deadline day 21, Panel day 42 (deferred cycles: to day 49), Cabinet day 63.
/// </summary>
internal sealed class CyclePlan
{
    public const string Lead = "lead@council.example";
    public const string Clerk = "clerk@council.example";
    public const string Panel = "Corporate Parenting Panel";
    public const string Cabinet = "Cabinet";

    public CyclePlan(string prefix, int cycles, int consultees, DateOnly day0, Func<int, bool> deferred)
    {
        Day0 = day0;
        Cycles = [.. Enumerable.Range(1, cycles).Select(i => new PlannedCycle(
            $"{prefix}-{i:D3}",
            [.. Enumerable.Range(1, consultees).Select(j => new PlannedConsultee($"Consultee {i}.{j}", $"{prefix}{i:D3}m{j:D3}@consultees.council.example"))],
            deferred(i)))];
    }

    public DateOnly Day0 { get; }

    public IReadOnlyList<PlannedCycle> Cycles { get; }

    public DateOnly Closes => Day0.AddDays(14);

    public DateOnly DraftingDeadline => Day0.AddDays(21);

    public DateOnly PanelMeets => Day0.AddDays(42);

    public DateOnly PanelDeferredTo => Day0.AddDays(49);

    public DateOnly CabinetMeets => Day0.AddDays(63);

    /// <summary>The next Monday after <paramref name="now"/>'s date, 10:00 UTC (UK time in winter; BST 11:00 in summer, still after 09:00).</summary>
    public static DateTimeOffset NextMondayMorning(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day, new TimeOnly(10, 0), TimeSpan.Zero);
    }

    /// <summary>Midday UTC on a meeting day (after the meeting, which the clerk records afterwards).</summary>
    public static DateTimeOffset Midday(DateOnly day) => new(day, new TimeOnly(12, 0), TimeSpan.Zero);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The POST /api/cycles body (issue 5's shape, plus id and owning service).</summary>
    public object StartRequest(PlannedCycle cycle)
    {
        var half = (cycle.Consultees.Count + 1) / 2;
        return new
        {
            id = cycle.Id,
            strategy = new
            {
                title = $"Care Leavers Local Offer {cycle.Id}",
                owningService = "Children's Social Care",
                periodStart = Iso(Day0.AddDays(120)),
                periodEnd = Iso(Day0.AddDays(120 + (3 * 365))),
                pledges = new[] { "Care leavers have a safe, stable home", "Care leavers have help into work, education or training", "Care leavers are listened to" },
            },
            lead = new { name = "Alex Example", email = Lead },
            consultation = new
            {
                opens = Iso(Day0),
                closes = Iso(Closes),
                groups = new object[]
                {
                    new { name = "Voices Matter (Children in Care Council)", audience = "young-people", members = cycle.Consultees.Take(half).Select(c => new { name = c.Name, email = c.Email }).ToArray() },
                    new { name = "Foster carers", audience = "carers", members = cycle.Consultees.Skip(half).Select(c => new { name = c.Name, email = c.Email }).ToArray() },
                },
            },
            draftingDeadline = Iso(DraftingDeadline),
            route = new object[]
            {
                new { body = Panel, meetingDate = Iso(PanelMeets), keyDecision = false, clerkEmail = Clerk },
                new { body = Cabinet, meetingDate = Iso(CabinetMeets), keyDecision = false, clerkEmail = Clerk },
            },
        };
    }

    public static object Draft(PlannedCycle cycle) => new
    {
        version = "1.0",
        documentUrl = $"https://docs.council.example/{cycle.Id}-1.0.docx",
        youSaidWeDid = new[] { new { theme = "Pledge 1: a safe, stable home", youSaid = "Help with the first tenancy.", weDid = "A setting-up-home grant and a named housing officer." } },
    };

    public static object Decision(string body, DateOnly meeting, string outcome, DateOnly? newMeetingDate = null) => new
    {
        body,
        meetingDate = Iso(meeting),
        outcome,
        agendaItem = "7",
        minuteReference = $"{body[..3].ToUpperInvariant()}/{meeting.Year}/{meeting.DayOfYear}",
        resolution = $"{body} resolved: {outcome}.",
        newMeetingDate = newMeetingDate is { } d ? Iso(d) : null,
    };

    public static object Answers(PlannedConsultee consultee) => new
    {
        answers = new[]
        {
            new { pledge = 1, view = "agree", comment = $"{consultee.Name}: a named housing officer would help." },
            new { pledge = 2, view = "partly", comment = "Apprenticeships, please." },
            new { pledge = 3, view = "dont-know", comment = "" },
        },
        comments = $"Saved by {consultee.Name}.",
    };
}

internal sealed record PlannedCycle(string Id, IReadOnlyList<PlannedConsultee> Consultees, bool Deferred)
{
    /// <summary>Decisions the cycle ends with: Panel endorse (after a deferral when <see cref="Deferred"/>), Cabinet adopt.</summary>
    public int ExpectedDecisions => Deferred ? 3 : 2;
}

internal sealed record PlannedConsultee(string Name, string Email)
{
    /// <summary>The token from the consultee's emailed link, once found in the outbox.</summary>
    public string? Token { get; set; }

    /// <summary>What the driver did: nothing, saved only, or submitted (a definitive 2xx to submit).</summary>
    public ConsulteeAction Action { get; set; }
}

internal enum ConsulteeAction
{
    None,
    Saved,
    Submitted,
}
