namespace ReviewWorkflow.Workflow.Audit;

/// <summary>The stored (and hashed) text of a role: lower case.</summary>
internal static class AuditRoles
{
    public static string ToText(AuditRole role) => role switch
    {
        AuditRole.System => "system",
        AuditRole.Lead => "lead",
        AuditRole.Clerk => "clerk",
        AuditRole.Consultee => "consultee",
        AuditRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown audit role."),
    };

    /// <summary>Reads a stored role; unknown text reads as null so verification can report it instead of throwing.</summary>
    public static AuditRole? Parse(string? text) => text switch
    {
        "system" => AuditRole.System,
        "lead" => AuditRole.Lead,
        "clerk" => AuditRole.Clerk,
        "consultee" => AuditRole.Consultee,
        "admin" => AuditRole.Admin,
        _ => null,
    };
}
