using ReviewWorkflow.App.Telemetry;
using ReviewWorkflow.Directory;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Web;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.App.Configuration;

/// <summary>
/// Every configuration key the apps read — the web app, and the Functions app, which binds the same sections through the
/// shared registration (AddReviewCycleRuntime: Storage, Durable, Email, Directory, Workflow) — in one place: the options classes bound from sections (each settable
/// property is a key, <c>Section__Property</c> as an app setting) and the top-level keys. A test checks that each is
/// set by infra/ or documented as optional in README.md.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Section name (with ':' separators) and the options class bound from it.</summary>
    public static readonly IReadOnlyList<(string Section, Type Options)> Sections =
    [
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (DurableTaskOptions.SectionName, typeof(DurableTaskOptions)),
        (EmailOptions.SectionName, typeof(EmailOptions)),
        (DirectoryOptions.SectionName, typeof(DirectoryOptions)),
        (WebOptions.SectionName, typeof(WebOptions)),
        (ReviewWorkflow.Web.Consultees.ConsulteeRateLimitOptions.SectionName, typeof(ReviewWorkflow.Web.Consultees.ConsulteeRateLimitOptions)),
        (WorkflowOptions.SectionName, typeof(WorkflowOptions)),
        (ReviewWorkflow.Web.Privacy.PrivacyNoticeOptions.SectionName, typeof(ReviewWorkflow.Web.Privacy.PrivacyNoticeOptions)),
        (ReviewWorkflow.Workflow.Analysis.AnalysisOptions.SectionName, typeof(ReviewWorkflow.Workflow.Analysis.AnalysisOptions)),
    ];

    /// <summary>Keys read directly (app-setting spelling).</summary>
    public static readonly IReadOnlyList<string> TopLevel =
    [
        StorageServiceCollectionExtensions.FunctionsStorageKey,
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__clientId",
        WebAuthentication.WebsiteAuthEnabledKey,
        TelemetryExtensions.OtlpEndpointKey,
        "OTEL_SERVICE_NAME",
    ];

    /// <summary>Settings host.json names as <c>%key%</c>: the Functions host reads them for the Functions app.</summary>
    public static readonly IReadOnlyList<string> FunctionsHostJson =
    [
        DurableTaskOptions.SectionName + "__" + nameof(DurableTaskOptions.HubName),
    ];

    /// <summary>Properties of the options base classes that are not the app's settings.</summary>
    private static readonly HashSet<string> Inherited = new(typeof(Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions)
        .GetProperties().Select(p => p.Name), StringComparer.Ordinal);

    /// <summary>All keys in app-setting spelling (<c>__</c> between sections).</summary>
    public static IEnumerable<string> All() =>
        TopLevel.Concat(FunctionsHostJson).Distinct().Concat(Sections.SelectMany(s => s.Options.GetProperties()
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && !Inherited.Contains(p.Name))
            .Select(p => s.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name)));
}
