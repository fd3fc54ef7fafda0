using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Workflow.Storage;
using Azure.Data.Tables;
using ReviewWorkflow.Web.Api;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Layout;

namespace ReviewWorkflow.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pages (Razor Pages from this assembly), antiforgery, problem details, sign-in (App Service
    /// Authentication headers; the development sign-in in Development), the Lead / Clerk / Admin policies and
    /// nothing else: consultee links are the workflow's <c>IConsulteeLinkIssuer</c>. Binds section <c>Web</c> (<see cref="WebOptions"/>). Registers storage, the
    /// directory and email with their own Add methods only if nothing registered them before.
    /// </summary>
    public static IServiceCollection AddReviewWorkflowWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var section = configuration.GetSection(WebOptions.SectionName);
        services.AddOptions<WebOptions>().Bind(section)
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxFormBodyBytes > 0, "Web:MaxRequestBodyBytes and Web:MaxFormBodyBytes must be positive.")
            .ValidateOnStart();
        var options = section.Get<WebOptions>() ?? new WebOptions();
        services.AddOptions<Privacy.PrivacyNoticeOptions>().Bind(configuration.GetSection(Privacy.PrivacyNoticeOptions.SectionName));
        services.TryAddSingleton<Privacy.PrivacyNotice>();

        AddIfMissing<TableServiceClient>(services, () => services.AddReviewWorkflowStorage(configuration));
        AddIfMissing<IDirectory>(services, () => services.AddReviewWorkflowDirectory(configuration));
        AddIfMissing<IEmailSender>(services, () => services.AddReviewWorkflowEmail(configuration));
        services.TryAddSingleton(TimeProvider.System);

        services.AddProblemDetails();
        services.AddReviewWorkflowApi(); // the /api routes' OpenAPI document
        services.AddConsulteeResponses(configuration);
        services.AddResponseAnalysis(configuration); // the responses page, themes and their API (issue 18)
        services.AddDataProtection();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rw-antiforgery";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = (int)Math.Min(options.MaxFormBodyBytes, int.MaxValue);
            o.MultipartBodyLengthLimit = options.MaxFormBodyBytes;
            o.ValueCountLimit = 1024;
        });

        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new AntiforgeryFailureMarker()))
            .ConfigureApplicationPartManager(manager =>
            {
                var assembly = typeof(WebServiceCollectionExtensions).Assembly;
                if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    return; // the app's own part discovery found us already: adding twice would make every route ambiguous
                }

                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            });

        var appService = options.AppServiceAuthentication
                         ?? string.Equals(configuration[WebAuthentication.WebsiteAuthEnabledKey], "True", StringComparison.OrdinalIgnoreCase);
        var development = environment.IsDevelopment();
        var authentication = services.AddAuthentication(WebAuthentication.Scheme)
            .AddPolicyScheme(WebAuthentication.Scheme, "Review a strategy", o =>
                o.ForwardDefaultSelector = _ => appService || !development ? WebAuthentication.AppService : WebAuthentication.Development)
            .AddScheme<AppServiceAuthenticationOptions, AppServiceAuthenticationHandler>(WebAuthentication.AppService, o => o.Enabled = appService);
        if (development)
        {
            // Not even registered outside Development; inside it, the handler also insists on a direct loopback request.
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(WebAuthentication.Development, _ => { });
            AddDevelopmentBounces(services);
        }

        services.AddAuthorizationBuilder()
            // An administrator can do everything a lead or a clerk can (and only administrators the rest).
            .AddPolicy(WebRoles.Policies.Lead, p => p.RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role, WebRoles.Lead, WebRoles.Admin))
            .AddPolicy(WebRoles.Policies.Clerk, p => p.RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role, WebRoles.Clerk, WebRoles.Admin))
            .AddPolicy(WebRoles.Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role, WebRoles.Admin));

        return services;
    }

    /// <summary>Development only: a key made at start-up verifies the SendGrid webhook when no real key is set, and
    /// the outbox page's "Mark as bounced" signs with it (<see cref="DevelopmentBounces"/>).</summary>
    private static void AddDevelopmentBounces(IServiceCollection services)
    {
        services.TryAddSingleton<DevelopmentWebhookKey>();
        services.TryAddSingleton<DevelopmentBounces>();
        services.AddHttpClient(DevelopmentBounces.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddOptions<EmailOptions>().PostConfigure<DevelopmentWebhookKey>((email, key) =>
        {
            if (string.IsNullOrWhiteSpace(email.WebhookPublicKey) && string.IsNullOrWhiteSpace(email.SendGridApiKey))
            {
                email.WebhookPublicKey = key.PublicKey;
            }
        });
    }

    private static void AddIfMissing<T>(IServiceCollection services, Action add)
    {
        if (!services.Any(d => d.ServiceType == typeof(T)))
        {
            add();
        }
    }
}
