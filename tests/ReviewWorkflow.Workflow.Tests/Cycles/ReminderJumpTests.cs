using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Ratification;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using static ReviewWorkflow.Workflow.Domain.DecisionOutcome;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>
/// Issue 17, point 5: after the development clock jumped past several dates one cycle missed its publication reminder
/// (a reminder whose date had passed when the orchestration woke was dropped as "too late"). Whatever the jumps, every
/// statutory reminder of the route is accounted for exactly once for the lead and once for the clerk — late rather than
/// never; reminders of one deadline that fall due together make one email (the latest), the others recorded as covered. The
/// clock jumps as the development clock does (<see cref="CycleHarness.JumpToAsync"/>), not timer by timer.
/// </summary>
public sealed class ReminderJumpTests
{
    private static readonly string[] Bodies = ["Corporate Parenting Panel", "Cabinet", "Council"];

    public static TheoryData<string, int> Patterns() => new()
    {
        { "one jump over everything", 1 },
        { "a few long jumps", 4 },
        { "many short jumps", 25 },
        { "random jumps (seed 7)", 12 },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Every_reminder_of_the_route_is_sent_exactly_once_whatever_the_jumps(string pattern, int jumps)
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start));
        var id = await h.StartRutlandAsync();
        var random = new Random(pattern.Length * 31 + jumps);
        var route = RutlandLikeCycle.Definition.Route;

        // Up to the draft (10 March 2027), then on past the last meeting (12 May 2027), in the pattern's jumps; decisions
        // are recorded at the first stop after each meeting, as a clerk catching up would.
        await JumpAsync(h, random, CycleSteps.Start, new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero), jumps);
        await h.Service.SubmitDraftAsync(id, CycleSteps.Draft("1.0"), People.Lead, "req-draft", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Service.SignOffAsync(id, true, null, People.Director, "req-sign", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();

        var decided = 0;
        var stops = Stops(random, new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 12, 12, 0, 0, TimeSpan.Zero), jumps);
        foreach (var stop in stops)
        {
            await h.JumpToAsync(stop);
            var today = DateOnly.FromDateTime(stop.UtcDateTime);
            while (decided < route.Count && route[decided].MeetingDate < today)
            {
                var outcome = decided == route.Count - 1 ? Adopt : decided == 0 ? Endorse : Recommend;
                await h.Service.RecordDecisionAsync(id, CycleSteps.Decision(Bodies[decided], route[decided].MeetingDate, outcome), People.Clerk, "req-d" + decided, CycleSteps.NewKey()).OkAsync();
                await h.Host.RunUntilIdleAsync();
                decided++;
            }
        }

        Assert.Equal(route.Count, decided);
        var expected = RatificationReminders.For(RutlandLikeCycle.Definition, CouncilSettings.Default, 0, keyDecisionOnly: false);
        Assert.NotEmpty(expected);
        // Every reminder is accounted for exactly once — emailed, or (when a jump made it due together with a later
        // reminder of the same deadline, which is emailed in its place) recorded as covered — and the last reminder of each
        // deadline is always emailed, exactly once: late rather than never, and one email per deadline and moment.
        var covered = (await h.Audit.ReadAllAsync(id)).Where(e => e.Action == ReviewWorkflow.Workflow.Audit.AuditActions.ReminderCovered)
            .Select(e => e.IdempotencyKey).ToList();
        var missing = new List<string>();
        foreach (var deadline in expected.GroupBy(r => (r.Kind, r.BodyIndex, r.MeetingDate)))
        {
            var last = deadline.MaxBy(r => r.SendOn)!;
            foreach (var reminder in deadline)
            {
                foreach (var to in new[] { "lead", "clerk" })
                {
                    var key = $"ratification-reminder/{id}/{reminder.Key}/{to}";
                    var emailed = h.Sent.Count(s => s.Key.EndsWith(key, StringComparison.Ordinal));
                    var coveredTimes = covered.Count(k => k is not null && k.EndsWith(key, StringComparison.Ordinal));
                    if (emailed + coveredTimes != 1 || (reminder == last && emailed != 1))
                    {
                        missing.Add($"{reminder.Key} → {to}: emailed {emailed} times, covered {coveredTimes} times");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, $"{pattern}:\n" + string.Join("\n", missing));
    }

    private static async Task JumpAsync(CycleHarness h, Random random, DateTimeOffset from, DateTimeOffset to, int jumps)
    {
        foreach (var stop in Stops(random, from, to, jumps))
        {
            await h.JumpToAsync(stop);
        }
    }

    /// <summary><paramref name="jumps"/> stops between the two instants (random, ascending), ending at <paramref name="to"/>.</summary>
    private static List<DateTimeOffset> Stops(Random random, DateTimeOffset from, DateTimeOffset to, int jumps)
    {
        var span = (to - from).Ticks;
        var stops = Enumerable.Range(0, jumps - 1).Select(_ => from.AddTicks((long)(random.NextDouble() * span))).Order().ToList();
        stops.Add(to);
        return stops;
    }
}
