namespace ReviewWorkflow.Directory;

/// <summary>Someone the workflow can email: a consultee, a lead, a clerk.</summary>
/// <param name="Id">Directory object id (Entra object id for Graph; the file's id locally).</param>
/// <param name="Email">The mailbox address (Graph: the user's <c>mail</c>).</param>
/// <param name="Roles">Local directory only: lead, clerk, admin; empty from Graph.</param>
public sealed record Person(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles)
{
    public Person(string id, string displayName, string email) : this(id, displayName, email, []) { }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
