using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>The people's side of a cycle, through the façade and the response store as the pages will call them.</summary>
internal static class CycleSteps
{
    public static readonly DateTimeOffset Start = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);

    private static int _requests;

    public static string NewKey() => $"key-{Interlocked.Increment(ref _requests)}-{Guid.NewGuid():N}";

    public static async Task<string> StartRutlandAsync(this CycleHarness h, ReviewCycleDefinition? definition = null)
    {
        var result = await h.Service.StartCycleAsync(definition ?? RutlandLikeCycle.Definition, People.Lead, "req-start", "start-" + (definition ?? RutlandLikeCycle.Definition).Id);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.CycleId!;
    }

    public static async Task RespondAsync(this CycleHarness h, string cycleId, string email)
    {
        var rules = await h.Service.GetResponseRulesAsync(cycleId) ?? throw new InvalidOperationException("no cycle");
        var outcome = await h.Responses.SubmitAsync(cycleId, ConsulteeId.For(email), email, null, rules, new ResponseContent
        {
            Comments = "More help with moving on from care, please.",
            Answers = [new PledgeAnswer { Pledge = 2, View = PledgeView.Partly, Comment = "Fewer placement moves." }],
        });
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    public static DraftSubmission Draft(string version) => new()
    {
        Version = version,
        DocumentUrl = $"https://docs.council.example/cic-pledge-{version}.docx",
        YouSaidWeDid =
        [
            new YouSaidWeDid { Theme = "Pledge 2: safe and stable placements", YouSaid = "Fewer placement moves.", WeDid = "A placement stability target in the scorecard." },
        ],
    };

    public static CommitteeDecision Decision(string body, DateOnly meeting, DecisionOutcome outcome, DateOnly? newDate = null, string? comments = null) => new()
    {
        Body = body,
        MeetingDate = meeting,
        Outcome = outcome,
        AgendaItem = "7",
        MinuteReference = $"{body[..3].ToUpperInvariant()}/{meeting:yyyy}/{meeting.DayOfYear}",
        Resolution = $"{body} resolved: {outcome}.",
        NewMeetingDate = newDate,
        Comments = comments,
    };

    public static async Task<CycleResult> OkAsync(this Task<CycleResult> call)
    {
        var result = await call;
        Assert.True(result.Succeeded, $"{result.Kind}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result;
    }

    public static async Task<CycleView> ViewAsync(this CycleHarness h, string cycleId) =>
        await h.Service.GetCycleAsync(cycleId) ?? throw new InvalidOperationException($"No cycle {cycleId}");

    /// <summary>"yyyy-MM-dd category → address" lines of the cycle's own emails, in send order (the committee meetings'
    /// calendar invitations, which follow the read model, are checked on their own).</summary>
    public static List<string> Log(this CycleHarness h, DateOnly? from = null) =>
        [.. h.Sent.Where(s => s.Category != "meeting-invitation" && (from is null || s.Day >= from)).Select(s => s.ToString())];
}

internal static class CycleStepsToRatification
{
    /// <summary>Runs the consultation out, submits and signs off draft 1.0 on 8-9 March: the report is then with the Panel.</summary>
    public static async Task ToRatificationAsync(this CycleHarness h, string id)
    {
        await h.AdvanceToAsync(2027, 3, 8);
        await h.Service.SubmitDraftAsync(id, CycleSteps.Draft("1.0"), People.Lead, "req-draft", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        await h.Service.SignOffAsync(id, true, null, People.Director, "req-sign", CycleSteps.NewKey()).OkAsync();
        await h.Host.RunUntilIdleAsync();
        Assert.Equal(ReviewWorkflow.Workflow.Cycles.CycleStage.Ratification, (await h.ViewAsync(id)).Stage);
    }
}
