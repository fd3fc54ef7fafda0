using System.Text.Json.Serialization;

namespace ReviewWorkflow.Directory.Local;

/// <summary>The shape of a local directory file (see demo-directory.json).</summary>
internal sealed class LocalDirectoryFile
{
    [JsonPropertyName("_comment")]
    public string? Comment { get; set; }

    public List<LocalPerson>? People { get; set; }

    public List<LocalGroup>? Groups { get; set; }
}

internal sealed class LocalPerson
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>Documentation only.</summary>
    public string? JobTitle { get; set; }

    public List<string>? Roles { get; set; }
}

internal sealed class LocalGroup
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary>Email addresses of people in <see cref="LocalDirectoryFile.People"/>.</summary>
    public List<string>? Members { get; set; }

    /// <summary>Ids of nested groups, whose members are members of this group too (as Graph's transitiveMembers).</summary>
    public List<string>? MemberGroups { get; set; }
}
