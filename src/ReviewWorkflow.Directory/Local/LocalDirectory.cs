using System.Collections.Concurrent;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReviewWorkflow.Directory.Local;

/// <summary>A group as the local directory describes it.</summary>
public sealed record DirectoryGroup(string Id, string DisplayName, string? Description);

/// <summary>
/// <see cref="IDirectory"/> over a JSON file of people and groups: the default locally and in tests. Without a
/// file it serves the embedded demo directory (fictional people of an imaginary council). The file is read on first
/// use; a malformed file fails with a <see cref="DirectoryFileException"/> naming the file and the problem (and is
/// read again on the next call, so fixing it needs no restart).
/// </summary>
public sealed class LocalDirectory : IDirectory
{
    public const string DemoSourceName = "embedded demo-directory.json";
    private const string DemoResource = "ReviewWorkflow.Directory.Local.demo-directory.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Lazy<Snapshot> _snapshot;
    private readonly ConcurrentDictionary<string, string> _eventsByTransaction = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, MeetingEventRequest Request)> _events = new();

    /// <param name="path">The directory file; null or empty for the embedded demo directory.</param>
    public LocalDirectory(string? path, ILogger<LocalDirectory>? logger = null)
    {
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _snapshot = new Lazy<Snapshot>(() =>
        {
            var (json, source) = string.IsNullOrWhiteSpace(path) ? (ReadDemo(), DemoSourceName) : (ReadFile(path), Path.GetFullPath(path));
            var snapshot = Parse(json, source);
            Log.LocalDirectoryLoaded(log, source, snapshot.People.Count, snapshot.Groups.Count);
            return snapshot;
        }, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Calendar events "created" so far (the local directory keeps them in memory).</summary>
    public IReadOnlyList<(string Id, MeetingEventRequest Request)> CreatedEvents => [.. _events];

    /// <summary>All groups, in file order.</summary>
    public Task<IReadOnlyList<DirectoryGroup>> GetGroupsAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DirectoryGroup>>([.. _snapshot.Value.Groups.Values.OrderBy(g => g.Order).Select(g => g.Group)]);

    public async Task<IReadOnlyList<DirectoryGroupName>> ListGroupsAsync(CancellationToken cancellationToken = default)
        => [.. (await GetGroupsAsync(cancellationToken).ConfigureAwait(false)).Select(g => new DirectoryGroupName(g.Id, g.DisplayName))];

    /// <summary>Everyone in the file, in file order.</summary>
    public Task<IReadOnlyList<Person>> GetPeopleAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Person>>([.. _snapshot.Value.People]);

    public Task<IReadOnlyList<Person>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var snapshot = _snapshot.Value;
        if (!snapshot.Groups.ContainsKey(groupId))
        {
            throw new DirectoryGroupNotFoundException(groupId,
                $"The local directory ({snapshot.Source}) has no group '{groupId}'. Groups: {string.Join(", ", snapshot.Groups.Keys.Order(StringComparer.Ordinal))}.");
        }

        var members = new List<Person>();
        var seenPeople = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visitedGroups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(groupId);
        return Task.FromResult<IReadOnlyList<Person>>(members);

        void Collect(string id)
        {
            if (!visitedGroups.Add(id))
            {
                return; // nested groups may form a cycle; each group counts once
            }

            var group = snapshot.Groups[id];
            foreach (var email in group.Members)
            {
                if (seenPeople.Add(email))
                {
                    members.Add(snapshot.PeopleByEmail[email]);
                }
            }

            foreach (var nested in group.MemberGroups)
            {
                Collect(nested);
            }
        }
    }

    public Task<Person?> FindPersonAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Task.FromResult(_snapshot.Value.PeopleByEmail.TryGetValue(email.Trim(), out var person) ? person : null);
    }

    public Task<string> CreateMeetingEventAsync(MeetingEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.End <= request.Start)
        {
            throw new ArgumentException($"The meeting ends ({request.End:O}) before it starts ({request.Start:O}).", nameof(request));
        }

        if (request.TransactionId is not null && _eventsByTransaction.TryGetValue(request.TransactionId, out var existing))
        {
            return Task.FromResult(existing);
        }

        var id = "local-event-" + Guid.NewGuid().ToString("N");
        if (request.TransactionId is not null && !_eventsByTransaction.TryAdd(request.TransactionId, id))
        {
            return Task.FromResult(_eventsByTransaction[request.TransactionId]);
        }

        _events.Enqueue((id, request));
        return Task.FromResult(id);
    }

    private static string ReadDemo()
    {
        using var stream = typeof(LocalDirectory).Assembly.GetManifestResourceStream(DemoResource)
            ?? throw new DirectoryFileException($"The {DemoSourceName} resource is missing from {typeof(LocalDirectory).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DirectoryFileException($"The local directory file '{Path.GetFullPath(path)}' cannot be read: {ex.Message} (Directory:LocalDirectoryPath).", ex);
        }
    }

    /// <summary>Parses and checks a directory file; <paramref name="source"/> names it in error messages.</summary>
    internal static Snapshot Parse(string json, string source)
    {
        LocalDirectoryFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LocalDirectoryFile>(json, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : string.Empty;
            throw new DirectoryFileException($"The local directory file '{source}' is not valid: {ex.Message}{where}", ex);
        }

        var problems = new List<string>();
        if (file?.People is null)
        {
            problems.Add("it has no \"people\" array");
        }

        if (file?.Groups is null)
        {
            problems.Add("it has no \"groups\" array");
        }

        var people = new List<Person>();
        var byEmail = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, i) in (file?.People ?? []).Select((p, i) => (p, i)))
        {
            var where = $"people[{i}]";
            if (string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.DisplayName) || string.IsNullOrWhiteSpace(p.Email))
            {
                problems.Add($"{where} needs \"id\", \"displayName\" and \"email\"");
                continue;
            }

            if (!MailAddress.TryCreate(p.Email, out var address) || address.Address != p.Email.Trim())
            {
                problems.Add($"{where} ({p.Id}) has an invalid email '{p.Email}'");
                continue;
            }

            if (!personIds.Add(p.Id))
            {
                problems.Add($"{where}: the id '{p.Id}' is used twice");
                continue;
            }

            var person = new Person(p.Id, p.DisplayName, address.Address, [.. (p.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r))]);
            if (!byEmail.TryAdd(person.Email, person))
            {
                problems.Add($"{where}: the email '{p.Email}' is used twice");
                continue;
            }

            people.Add(person);
        }

        var groups = new Dictionary<string, GroupEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (g, i) in (file?.Groups ?? []).Select((g, i) => (g, i)))
        {
            if (string.IsNullOrWhiteSpace(g.Id) || string.IsNullOrWhiteSpace(g.DisplayName))
            {
                problems.Add($"groups[{i}] needs \"id\" and \"displayName\"");
                continue;
            }

            if (groups.ContainsKey(g.Id))
            {
                problems.Add($"groups[{i}]: the id '{g.Id}' is used twice");
                continue;
            }

            foreach (var member in (g.Members ?? []).Where(m => !byEmail.ContainsKey(m ?? string.Empty)))
            {
                problems.Add($"group '{g.Id}' lists member '{member}', who is not in \"people\"");
            }

            groups[g.Id] = new GroupEntry(new DirectoryGroup(g.Id, g.DisplayName, g.Description), i,
                [.. (g.Members ?? []).Where(m => m is not null && byEmail.ContainsKey(m))], g.MemberGroups ?? []);
        }

        foreach (var group in groups.Values)
        {
            foreach (var nested in group.MemberGroups.Where(n => !groups.ContainsKey(n ?? string.Empty)))
            {
                problems.Add($"group '{group.Group.Id}' lists member group '{nested}', which is not in \"groups\"");
            }
        }

        if (problems.Count > 0)
        {
            throw new DirectoryFileException($"The local directory file '{source}' is not valid: {string.Join("; ", problems)}.");
        }

        return new Snapshot(source, people, byEmail, groups);
    }

    internal sealed record GroupEntry(DirectoryGroup Group, int Order, IReadOnlyList<string> Members, IReadOnlyList<string> MemberGroups);

    internal sealed record Snapshot(string Source, IReadOnlyList<Person> People, IReadOnlyDictionary<string, Person> PeopleByEmail, IReadOnlyDictionary<string, GroupEntry> Groups);
}
