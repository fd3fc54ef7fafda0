using Microsoft.AspNetCore.Authentication;

namespace ReviewWorkflow.App.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>App Service Authentication is enabled on the site (set by App Service).</summary>
    public const string WebsiteAuthEnabledKey = "WEBSITE_AUTH_ENABLED";

    /// <summary>
    /// The default authentication scheme reads App Service Authentication's client principal; the role policies
    /// (<see cref="Roles"/>) are ready for the pages and the API.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAuthentication(AppServiceAuthenticationHandler.SchemeName)
            .AddScheme<AppServiceAuthenticationOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, o =>
            {
                o.Enabled = string.Equals(configuration[WebsiteAuthEnabledKey], "true", StringComparison.OrdinalIgnoreCase);
                configuration.GetSection(AppServiceAuthenticationOptions.SectionName).Bind(o);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Lead, p => p.RequireRole(Roles.Lead, Roles.Admin))
            .AddPolicy(Roles.Clerk, p => p.RequireRole(Roles.Clerk, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}
