using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Directory;

/// <summary>Source-generated log messages of the directory project (event ids 4200-4299). Ids and counts, no addresses.</summary>
internal static partial class Log
{
    [LoggerMessage(4200, LogLevel.Information, "Group {GroupId}: {Count} members with email, {Skipped} without (skipped), {Pages} pages")]
    public static partial void GroupMembersRead(ILogger logger, string groupId, int count, int skipped, int pages);

    [LoggerMessage(4201, LogLevel.Information, "Created calendar event {EventId} for organiser {OrganizerUserId}")]
    public static partial void EventCreated(ILogger logger, string eventId, string organizerUserId);

    [LoggerMessage(4202, LogLevel.Information, "Local directory loaded from {Source}: {People} people, {Groups} groups")]
    public static partial void LocalDirectoryLoaded(ILogger logger, string source, int people, int groups);
}
