using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ReviewWorkflow.Directory.Graph;

/// <summary>
/// <see cref="IDirectory"/> on Microsoft Graph v1.0 through the Microsoft.Graph 6 SDK (Graph.Core 4).
/// Permissions (application): GroupMember.Read.All, User.Read.All (FindPersonAsync), Calendars.ReadWrite (events).
/// </summary>
/// <remarks>
/// Members without a <c>mail</c> are skipped; <c>userPrincipalName</c> is NOT used as a fallback. A UPN is a sign-in
/// name: it often is not a mailbox (no licence, a guest's <c>...#EXT#@tenant</c> form, an alias domain without MX), so
/// mailing it bounces and the consultee never hears. Skipped members are counted in the log so that someone can give
/// them a mailbox or add them as individual consultees.
/// </remarks>
public sealed class GraphDirectory : IDirectory
{
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName"];

    /// <summary>Later pages fail as <see cref="ODataError"/> too (with Graph's code and message), not as the page iterator's
    /// generic ServiceException.</summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> PageErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly GraphServiceClient _graph;
    private readonly ILogger<GraphDirectory> _logger;

    public GraphDirectory(GraphServiceClient graph, ILogger<GraphDirectory> logger)
    {
        _graph = graph;
        _logger = logger;
    }

    public async Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var groups = new List<DirectoryGroupName>();
        try
        {
            // GET /groups?$select=id,displayName, then every @odata.nextLink through the SDK's page iterator.
            var firstPage = await _graph.Groups.GetAsync(request => request.QueryParameters.Select = ["id", "displayName"], cancellationToken).ConfigureAwait(false);
            if (firstPage is not null)
            {
                var iterator = PageIterator<Group, GroupCollectionResponse>.CreatePageIterator(_graph, firstPage, group =>
                {
                    if (group.Id is not null)
                    {
                        groups.Add(new DirectoryGroupName(group.Id, group.DisplayName ?? group.Id));
                    }

                    return true;
                }, request => request, PageErrors);
                await iterator.IterateAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (IsGraphFailure(error))
        {
            throw Wrap(error, "listing the groups");
        }

        return groups;
    }

    public async Task<IReadOnlyList<Person>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        UserCollectionResponse? firstPage;
        try
        {
            // GET /groups/{id}/transitiveMembers/graph.user (the SDK's alias of microsoft.graph.user): users only,
            // nested groups flattened by Graph.
            firstPage = await _graph.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(request =>
            {
                request.QueryParameters.Select = UserFields;
                request.QueryParameters.Top = 999;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new DirectoryGroupNotFoundException(groupId, $"Microsoft Graph has no group '{groupId}' (or the app cannot see it): {error.Error?.Message}", error);
        }
        catch (Exception error) when (IsGraphFailure(error))
        {
            throw Wrap(error, $"reading the members of group '{groupId}'");
        }

        var people = new List<Person>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        var pages = 1;
        if (firstPage is not null)
        {
            var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(_graph, firstPage, user =>
            {
                if (user.Id is null || !seen.Add(user.Id))
                {
                    return true;
                }

                if (string.IsNullOrWhiteSpace(user.Mail))
                {
                    skipped++;
                    return true;
                }

                people.Add(new Person(user.Id, user.DisplayName ?? user.Mail, user.Mail));
                return true;
            }, request =>
            {
                pages++;
                return request;
            }, PageErrors);
            try
            {
                await iterator.IterateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                // Deleted between two pages.
                throw new DirectoryGroupNotFoundException(groupId, $"Microsoft Graph has no group '{groupId}' any more (it went while its members were read, at page {pages}): {error.Error?.Message}", error);
            }
            catch (Exception error) when (IsGraphFailure(error))
            {
                throw Wrap(error, $"reading the members of group '{groupId}' (page {pages})");
            }
        }

        Log.GroupMembersRead(_logger, groupId, people.Count, skipped, pages);
        return people;
    }

    public async Task<Person?> FindPersonAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);

        // OData string literals escape ' by doubling it.
        var literal = "'" + email.Trim().Replace("'", "''", StringComparison.Ordinal) + "'";
        UserCollectionResponse? result;
        try
        {
            result = await _graph.Users.GetAsync(request =>
            {
                request.QueryParameters.Filter = $"mail eq {literal} or userPrincipalName eq {literal}";
                request.QueryParameters.Select = UserFields;
                request.QueryParameters.Top = 2;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsGraphFailure(error))
        {
            throw Wrap(error, "looking up a person by email");
        }

        var user = result?.Value?.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u.Mail) && u.Id is not null);
        return user is null ? null : new Person(user.Id!, user.DisplayName ?? user.Mail!, user.Mail!);
    }

    public async Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OrganizerUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Subject);
        if (request.End <= request.Start)
        {
            throw new ArgumentException($"The meeting ends ({request.End:O}) before it starts ({request.Start:O}).", nameof(request));
        }

        var graphEvent = new Event
        {
            Subject = request.Subject,
            Start = Utc(request.Start),
            End = Utc(request.End),
            Location = string.IsNullOrWhiteSpace(request.Location) ? null : new Location { DisplayName = request.Location },
            Attendees = [.. request.Attendees.Select(a => new Attendee
            {
                EmailAddress = new EmailAddress { Address = a.Email, Name = a.DisplayName },
                Type = AttendeeType.Required,
            })],
            Body = request.BodyHtml is null ? null : new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
            TransactionId = request.TransactionId,
        };

        Event? created;
        try
        {
            created = await _graph.Users[request.OrganizerUserId].Events.PostAsync(graphEvent, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsGraphFailure(error))
        {
            throw Wrap(error, $"creating a calendar event for '{request.OrganizerUserId}'");
        }

        var id = created?.Id ?? throw new DirectoryException("Microsoft Graph created the event but returned no id.");
        Log.EventCreated(_logger, id, request.OrganizerUserId);
        return id;
    }

    private static DateTimeTimeZone Utc(DateTimeOffset at) => new()
    {
        DateTime = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    /// <summary>Graph answered with an error (<see cref="ODataError"/> and other <see cref="ApiException"/>s), or Graph.Core's
    /// retry handler ran out of retries on 429/503/504 (an <see cref="AggregateException"/> of the answers).</summary>
    private static bool IsGraphFailure(Exception error)
        => error is ApiException || (error is AggregateException aggregate && aggregate.InnerExceptions.Any(e => e is ApiException));

    private static DirectoryException Wrap(Exception error, string doing)
    {
        if (error is AggregateException aggregate)
        {
            var last = aggregate.InnerExceptions.OfType<ApiException>().Last();
            var throttled = last.ResponseStatusCode == 429 ? " (throttled)" : string.Empty;
            return new DirectoryException(
                $"Microsoft Graph still answered {last.ResponseStatusCode}{throttled} after {aggregate.InnerExceptions.Count - 1} retries while {doing}; try again later.", error);
        }

        var api = (ApiException)error;
        var odata = error as ODataError;
        var hint = api.ResponseStatusCode switch
        {
            401 => " Check Directory:TenantId/ClientId/ClientSecret or the managed identity.",
            403 => " The app lacks a Graph permission (GroupMember.Read.All, User.Read.All, Calendars.ReadWrite) or admin consent.",
            _ => string.Empty,
        };
        return new DirectoryException($"Microsoft Graph answered {api.ResponseStatusCode} {odata?.Error?.Code} while {doing}: {odata?.Error?.Message ?? api.Message}.{hint}", error);
    }
}
