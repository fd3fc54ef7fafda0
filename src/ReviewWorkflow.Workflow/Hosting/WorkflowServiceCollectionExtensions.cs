using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Webhook;
using Azure.Data.Tables;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Hosting;

/// <summary>The workflow's tables (audit, responses, email ledger, webhook events, consultee links).</summary>
public sealed class WorkflowTables(TableServiceClient service, IOptions<WorkflowOptions> options)
{
    public TableClient Audit { get; } = service.GetTableClient(options.Value.AuditTable);

    public TableClient Responses { get; } = service.GetTableClient(options.Value.ResponsesTable);

    public TableClient EmailLedger { get; } = service.GetTableClient(options.Value.EmailLedgerTable);

    public TableClient WebhookEvents { get; } = service.GetTableClient(options.Value.WebhookEventsTable);

    public TableClient Links { get; } = service.GetTableClient(options.Value.LinksTable);

    public TableClient AuditSalts { get; } = service.GetTableClient(options.Value.AuditSaltsTable);

    public TableClient PersonalData { get; } = service.GetTableClient(options.Value.PersonalDataTable);

    public TableClient ReviewCycles { get; } = service.GetTableClient(options.Value.ReviewCyclesTable);

    public TableClient ForwardPlan { get; } = service.GetTableClient(options.Value.ForwardPlanTable);

    public TableClient MeetingEvents { get; } = service.GetTableClient(options.Value.MeetingEventsTable);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { Audit, Responses, EmailLedger, WebhookEvents, Links, ReviewCycles, ForwardPlan, MeetingEvents, AuditSalts, PersonalData })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflow's services without the durable engine (<see cref="ReviewCycleTasks.AddReviewCycleTasks"/> registers the tasks): options (section "Workflow"), the tables, audit log,
    /// response store, Table Storage email ledger and webhook deduplicator (replacing the in-memory defaults, whatever
    /// the registration order), consultee links, mailer, activities' dependencies and <see cref="ReviewCycleService"/>.
    /// Needs <see cref="TableServiceClient"/> (AddReviewWorkflowStorage), <see cref="IEmailSender"/>
    /// (AddReviewWorkflowEmail) and <c>IDirectory</c> (AddReviewWorkflowDirectory).
    /// </summary>
    public static IServiceCollection AddReviewCycleServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName))
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri && (o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttp),
                "Workflow:PublicBaseUrl must be an absolute http(s) URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.LinkSigningKey) || IsKey(o.LinkSigningKey), "Workflow:LinkSigningKey must be Base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Orchestration inputs, outputs, events and status in the workflow's JSON shape, on the worker and the client alike.
        services.Replace(ServiceDescriptor.Singleton<DataConverter>(new JsonDataConverter(WorkflowJson.Options)));
        services.TryAddSingleton<WorkflowTables>();
        services.AddHostedService<WorkflowTablesInitializer>();
        services.TryAddSingleton(sp => new AuditSalts(sp.GetRequiredService<WorkflowTables>().AuditSalts));
        services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<WorkflowTables>().Audit, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditSalts>()));
        services.TryAddSingleton(sp => new ResponseStore(sp.GetRequiredService<WorkflowTables>().Responses, sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IEmailSendLedger>(sp => new TableEmailSendLedger(sp.GetRequiredService<WorkflowTables>().EmailLedger)));
        services.Replace(ServiceDescriptor.Singleton<IWebhookEventDeduplicator>(sp =>
            new TableWebhookEventDeduplicator(sp.GetRequiredService<WorkflowTables>().WebhookEvents, sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IConsulteeLinkIssuer>(sp => new HmacConsulteeLinkIssuer(
            sp.GetRequiredService<WorkflowTables>().Links, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WorkflowOptions>>()));
        services.TryAddSingleton(sp => new Cycles.ReadModel.ReviewCycleTable(sp.GetRequiredService<WorkflowTables>().ReviewCycles));
        services.AddHostedService<Cycles.ReadModel.ReadModelBackfill>();
        // Each change of a cycle's row: the forward plan's first-published dates and the meetings' calendar invitations.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Cycles.ReadModel.ICycleChangeListener, Calendar.CalendarCycleListener>());
        services.TryAddSingleton<WorkflowMailer>();
        services.TryAddSingleton<ReviewCycleService>();
        services.TryAddSingleton<Reporting.CommitteeReportService>();
        AddForwardPlanAndCalendar(services);
        return services;
    }

    /// <summary>The forward plan (issue 16), the calendar feeds' tokens and the meeting invitations: through Graph when
    /// the directory is Graph (its <c>GraphServiceClient</c> is registered), else emails with .ics to the email sender.</summary>
    private static void AddForwardPlanAndCalendar(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ForwardPlan.ForwardPlanStore(sp.GetRequiredService<WorkflowTables>().ForwardPlan));
        services.TryAddSingleton<ForwardPlan.ForwardPlanService>();
        services.TryAddSingleton<Calendar.CalendarFeedTokens>();
        services.TryAddSingleton(sp => new Calendar.MeetingEventStore(sp.GetRequiredService<WorkflowTables>().MeetingEvents));
        services.TryAddSingleton<Calendar.IMeetingCalendar>(sp => sp.GetService<Microsoft.Graph.GraphServiceClient>() is { } graph
            ? new Calendar.GraphMeetingCalendar(graph)
            : new Calendar.OutboxMeetingCalendar(sp.GetRequiredService<IEmailSender>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Calendar.MeetingInvitations>();
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }
}
