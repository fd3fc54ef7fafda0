namespace ReviewWorkflow.App.Authentication;

/// <summary>The app roles (defined on the Entra app registration; assigned to users or groups).</summary>
public static class Roles
{
    /// <summary>Strategy leads: start review cycles and follow them.</summary>
    public const string Lead = "lead";

    /// <summary>Committee clerks: record committee decisions.</summary>
    public const string Clerk = "clerk";

    /// <summary>Administrators: settings, poison work items, everything a lead or clerk can do.</summary>
    public const string Admin = "admin";
}
