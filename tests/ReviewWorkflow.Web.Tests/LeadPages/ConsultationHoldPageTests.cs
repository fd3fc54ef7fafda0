using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Directory.Local;
using ReviewWorkflow.Web.Tests.Infrastructure;
using ReviewWorkflow.Workflow.Domain;
using DirectoryPerson = ReviewWorkflow.Directory.Person;

namespace ReviewWorkflow.Web.Tests.LeadPages;

/// <summary>With the directory unreachable at start, the cycle page tells the lead the consultation is on hold, for
/// which group, and what was decided about the closing date; the API's cycle carries the same hold (issue 17, point 4).</summary>
public sealed class ConsultationHoldPageTests
{
    [Fact]
    public async Task The_cycle_page_and_the_api_show_the_consultation_on_hold_for_the_unreachable_group()
    {
        await using var host = await WebTestHost.StartAsync("Development", start: LeadHost.Start,
            services: s => s.AddSingleton<IDirectory>(new PartnersUnreachable(new LocalDirectory(null))));
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var definition = LeadCycle.Definition(today, "Held Offer 2027-2030");
        definition = definition with
        {
            Consultation = definition.Consultation with
            {
                Groups = [.. definition.Consultation.Groups, new ConsulteeGroup { Name = "Partner agencies", Audience = Audience.Partners, DirectoryGroupId = "partners" }],
            },
        };
        var started = await host.Cycles.StartCycleAsync(definition, LeadCycle.Lead, "req-start", Guid.NewGuid().ToString("N"));
        Assert.True(started.Succeeded, string.Join("; ", started.Errors.Select(e => e.Message)));
        var id = started.CycleId!;
        await LeadCycle.WaitForAsync(host, id, v => v.ConsultationHold is { OnHold: true });
        using var lead = LeadCycle.SignedIn(host, "lead@council.example");

        var html = WebUtility.HtmlDecode(await lead.GetStringAsync($"/cycles/{id}"));
        var api = JsonNode.Parse(await lead.GetStringAsync($"/api/cycles/{id}"))!;

        Assert.Contains("Consultation on hold: the directory could not be reached for group \"Partner agencies\" (directory group \"partners\").", html, StringComparison.Ordinal);
        Assert.Contains($"The closing date is kept: {CycleDisplayDate(definition.Consultation.Closes)}. If the hold lasts, extend it below", html, StringComparison.Ordinal);
        Assert.Equal(0, (await host.Cycles.GetCycleAsync(id))!.Counts.RequestsSent);
        var hold = api["consultation"]!["hold"]!;
        Assert.True(hold["onHold"]!.GetValue<bool>());
        Assert.Equal("\"Partner agencies\" (directory group \"partners\")", hold["groups"]![0]!.GetValue<string>());
    }

    private static string CycleDisplayDate(DateOnly date) => ReviewWorkflow.Web.Cycles.CycleDisplay.Date(date);

    /// <summary>The demo directory, except that the "partners" group cannot be read, as an unreachable Graph.</summary>
    private sealed class PartnersUnreachable(IDirectory inner) : IDirectory
    {
        public Task<IReadOnlyList<DirectoryPerson>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
            groupId == "partners" ? throw new DirectoryException("Microsoft Graph still answered 503 after 3 retries") : inner.GetGroupMembersAsync(groupId, cancellationToken);

        public Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default) => inner.ListGroupsAsync(cancellationToken);

        public Task<DirectoryPerson?> FindPersonAsync(string email, CancellationToken cancellationToken = default) => inner.FindPersonAsync(email, cancellationToken);

        public Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default) => inner.CreateMeetingEventAsync(request, cancellationToken);
    }
}
