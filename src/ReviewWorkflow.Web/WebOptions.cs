namespace ReviewWorkflow.Web;

/// <summary>Configuration section <c>Web</c> (environment: <c>Web__TokenSigningKey</c>, ...).</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The service name in the header and in page titles.</summary>
    public string ServiceName { get; set; } = "Review a strategy";

    /// <summary>The council's name, shown in the footer and page titles.</summary>
    public string CouncilName { get; set; } = "Northbridge Council";

    /// <summary>Folder holding GOV.UK Frontend's <c>dist/govuk</c> (the CSS and its <c>assets/</c>). Relative paths are
    /// under the content root. Empty: the first <c>node_modules/govuk-frontend/dist/govuk</c> found from the content
    /// root upwards (the repository's, locally); the publish step copies the folder next to the app.</summary>
    public string? GovUkFrontendPath { get; set; }

    /// <summary>Largest request body accepted anywhere (bytes); larger gets 413 before anything is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body for HTML form posts (bytes): forms carry text only.</summary>
    public long MaxFormBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Send Strict-Transport-Security. Null: on outside Development.</summary>
    public bool? Hsts { get; set; }

    /// <summary>Sign-in through Azure App Service Authentication (Easy Auth) headers. Null: on when App Service says
    /// it is enabled (<c>WEBSITE_AUTH_ENABLED=True</c>); <c>infra/</c> sets <c>Web__AppServiceAuthentication=true</c>. Only turn on behind App Service Authentication, which
    /// removes these headers from incoming requests; otherwise anyone could send them.</summary>
    public bool? AppServiceAuthentication { get; set; }

    /// <summary>Entra group object ids that grant a role, as an alternative to app roles: role name (lead, clerk,
    /// admin) to group ids.</summary>
    public Dictionary<string, string[]> RoleGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
