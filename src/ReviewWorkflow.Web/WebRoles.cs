namespace ReviewWorkflow.Web;

/// <summary>The three staff roles (app role values in Entra, roles in the local directory) and the policies named after them.</summary>
public static class WebRoles
{
    public const string Lead = "lead";
    public const string Clerk = "clerk";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Lead, Clerk, Admin];

    /// <summary>Authorization policy names: <c>[Authorize(Policy = WebRoles.Policies.Lead)]</c>, <c>.RequireAuthorization("Lead")</c>.</summary>
    public static class Policies
    {
        public const string Lead = "Lead";
        public const string Clerk = "Clerk";
        public const string Admin = "Admin";
    }

    /// <summary>The canonical role name for a claim value ("Lead", "lead" → "lead"), or null for anything else.</summary>
    public static string? Normalize(string? value)
        => All.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
