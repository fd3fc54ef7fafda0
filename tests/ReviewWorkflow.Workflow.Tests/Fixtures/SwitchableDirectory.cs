using ReviewWorkflow.Directory;
using ReviewWorkflow.Directory.Local;
using DirectoryPerson = ReviewWorkflow.Directory.Person;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>The demo directory, except that while <see cref="Reachable"/> is false reading <see cref="GroupId"/> fails
/// as an unreachable Graph would (after the SDK's retries); counts how often the group was asked for.</summary>
internal sealed class SwitchableDirectory(IDirectory inner) : IDirectory
{
    public const string GroupId = "partners";

    public const string Reason = "Microsoft Graph still answered 503 after 3 retries";

    private int _asked;

    public SwitchableDirectory()
        : this(new LocalDirectory(null))
    {
    }

    public volatile bool Reachable;

    public int Asked => Volatile.Read(ref _asked);

    public Task<IReadOnlyList<DirectoryPerson>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        if (groupId != GroupId)
        {
            return inner.GetGroupMembersAsync(groupId, cancellationToken);
        }

        Interlocked.Increment(ref _asked);
        return Reachable ? inner.GetGroupMembersAsync(groupId, cancellationToken) : throw new DirectoryException(Reason);
    }

    public Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default) => inner.ListGroupsAsync(cancellationToken);

    public Task<DirectoryPerson?> FindPersonAsync(string email, CancellationToken cancellationToken = default) => inner.FindPersonAsync(email, cancellationToken);

    public Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default) => inner.CreateMeetingEventAsync(request, cancellationToken);
}
