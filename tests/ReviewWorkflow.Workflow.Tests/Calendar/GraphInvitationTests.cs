using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Hosting;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Tests.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>Meeting invitations through Microsoft Graph (the SDK's GraphServiceClient over a fake of Graph's calendar
/// endpoints): the requests the SDK sends for create, deferral and close, and that repeating a sync sends none.</summary>
public sealed class GraphInvitationTests : IDisposable
{
    private const string ClerkEvents = "/v1.0/users/clerk@council.example/events";

    private readonly FakeGraph _graph = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2027, 1, 10, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _graph.Dispose();

    private async Task<MeetingInvitations> StartAsync()
    {
        var client = new GraphServiceClient(new HttpClient(_graph), new AnonymousAuthenticationProvider(), "https://graph.example.test/v1.0");
        return new MeetingInvitations(new GraphMeetingCalendar(client), new MeetingEventStore(await TestTables.CreateAsync("mevg")), Options.Create(new WorkflowOptions()), _time);
    }

    [Fact]
    public async Task Creates_one_event_per_meeting_in_the_clerks_calendar_inviting_the_lead()
    {
        var invitations = await StartAsync();

        await invitations.SyncAsync(PlanCycles.Pledge());
        await invitations.SyncAsync(PlanCycles.Pledge());

        Assert.Equal(3, _graph.Requests.Count);
        Assert.All(_graph.Requests, r => Assert.Equal(("POST", ClerkEvents), (r.Method, r.Path)));
        var cabinet = _graph.Requests[1].Body!;
        Assert.Equal("Cabinet: Children in Care Pledge 2027-2030", cabinet["subject"]!.GetValue<string>());
        Assert.Equal("2027-04-20T17:30:00", cabinet["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("UTC", cabinet["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("2027-04-20T19:30:00", cabinet["end"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("lead@council.example", cabinet["attendees"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Single(cabinet["attendees"]!.AsArray());
        Assert.Equal(32, cabinet["transactionId"]!.GetValue<string>().Length);
        var panel = _graph.Requests[0].Body!;
        Assert.True(panel["isAllDay"]!.GetValue<bool>());
        Assert.Equal("2027-03-30T00:00:00", panel["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deferral_patches_the_existing_event()
    {
        var invitations = await StartAsync();
        await invitations.SyncAsync(PlanCycles.Pledge());

        await invitations.SyncAsync(PlanCycles.Deferred(PlanCycles.Pledge(), 1, new DateOnly(2027, 5, 4)));
        await invitations.SyncAsync(PlanCycles.Deferred(PlanCycles.Pledge(), 1, new DateOnly(2027, 5, 4)));

        var after = _graph.Requests.Skip(3).ToList();
        var patch = Assert.Single(after);
        Assert.Equal(("PATCH", ClerkEvents + "/evt-2"), (patch.Method, patch.Path));
        Assert.Equal("2027-05-04T17:30:00", patch.Body!["start"]!["dateTime"]!.GetValue<string>());
        Assert.Null(patch.Body["transactionId"]);
    }

    [Fact]
    public async Task Closing_the_cycle_cancels_each_remaining_event_once()
    {
        var invitations = await StartAsync();
        await invitations.SyncAsync(PlanCycles.Pledge());
        var closed = PlanCycles.Pledge(stage: CycleStage.Closed) with { ClosedReason = "Withdrawn by the lead" };

        await invitations.SyncAsync(closed);
        await invitations.SyncAsync(closed);

        var cancels = _graph.Requests.Skip(3).ToList();
        Assert.Equal([ClerkEvents + "/evt-1/cancel", ClerkEvents + "/evt-2/cancel", ClerkEvents + "/evt-3/cancel"], cancels.Select(r => r.Path));
        Assert.All(cancels, r => Assert.Equal("POST", r.Method));
        // The SDK (6.10) names the action parameter "Comment"; Graph reads property names case-insensitively.
        var comment = cancels[0].Body?["Comment"] ?? cancels[0].Body?["comment"];
        Assert.Contains("Withdrawn by the lead", comment?.GetValue<string>() ?? "(no comment)", StringComparison.Ordinal);
    }
}
