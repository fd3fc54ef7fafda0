using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Directory.Local;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using DirectoryPerson = ReviewWorkflow.Directory.Person;

namespace ReviewWorkflow.Workflow.Tests.Consultation;

/// <summary>A directory that cannot be reached at start does not refuse the cycle: it starts, consults whoever else it
/// names, and audits why the group's members were not consulted (the cycle page shows it) (issue 17, point 4).</summary>
public sealed class UnreachableDirectoryTests
{
    private const string GroupId = "partners";

    [Fact]
    public async Task The_cycle_starts_consults_the_others_and_audits_the_unreachable_group_and_why()
    {
        await using var h = await CycleHarness.StartAsync(new CycleWorld(CycleSteps.Start),
            services: s => s.AddSingleton<IDirectory>(new UnreachableGroupDirectory(new LocalDirectory(null))));
        var definition = RutlandLikeCycle.Definition with
        {
            Id = "unreachable-directory",
            Consultation = RutlandLikeCycle.Definition.Consultation with
            {
                Groups = [.. RutlandLikeCycle.Definition.Consultation.Groups, new ConsulteeGroup { Name = "Partner agencies", Audience = Audience.Partners, DirectoryGroupId = GroupId }],
            },
        };

        var result = await h.Service.StartCycleAsync(definition, People.Lead, "req-start", "start-unreachable");
        Assert.Equal(CycleResultKind.Accepted, result.Kind);
        await h.AdvanceToAsync(2026, 12, 15);

        var resolved = Assert.Single(await h.Audit.ReadAllAsync(result.CycleId!), e => e.Action == AuditActions.ConsulteesResolved);
        var problem = JsonNode.Parse(resolved.Details!)!["problem1"]!.GetValue<string>();
        Assert.Contains("\"partners\"", problem, StringComparison.Ordinal);
        Assert.Contains("Partner agencies", problem, StringComparison.Ordinal);
        Assert.Contains(UnreachableGroupDirectory.Reason, problem, StringComparison.Ordinal);
        Assert.True((await h.ViewAsync(result.CycleId!)).Counts.Consultees > 0);
    }

    /// <summary>The demo directory, except that reading <see cref="GroupId"/> fails as an unreachable Graph would.</summary>
    private sealed class UnreachableGroupDirectory(IDirectory inner) : IDirectory
    {
        public const string Reason = "Microsoft Graph still answered 503 after 3 retries";

        public Task<IReadOnlyList<DirectoryPerson>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
            groupId == GroupId ? throw new DirectoryException(Reason) : inner.GetGroupMembersAsync(groupId, cancellationToken);

        public Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default) => inner.ListGroupsAsync(cancellationToken);

        public Task<DirectoryPerson?> FindPersonAsync(string email, CancellationToken cancellationToken = default) => inner.FindPersonAsync(email, cancellationToken);

        public Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default) => inner.CreateMeetingEventAsync(request, cancellationToken);
    }
}
