namespace ReviewWorkflow.Directory;

/// <summary>People and groups: Microsoft Graph in Azure, a local JSON file otherwise.</summary>
public interface IDirectory
{
    /// <summary>Everyone in the group, including members of nested groups (all pages), who has an email address;
    /// each person once, in directory order.</summary>
    /// <exception cref="DirectoryGroupNotFoundException">No such group.</exception>
    Task<IReadOnlyList<Person>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Every group (all pages), id and display name, in directory order: what <c>/cycles/new</c> offers.</summary>
    /// <exception cref="DirectoryException">The directory could not be read.</exception>
    Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>The person with this email address (case-insensitive), or null.</summary>
    Task<Person?> FindPersonAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Creates a calendar event for a committee meeting and returns its id.</summary>
    Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default);
}
