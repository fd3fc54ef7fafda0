using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Directory;
using Microsoft.DurableTask;
using ReviewWorkflow.DurableTask;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public async Task AddReviewCycleServices_with_the_durable_task_engine_registers_the_facade_and_durable_ledgers_whatever_the_order()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Workflow:PublicBaseUrl"] = "https://reviews.council.example/",
            ["Workflow:Council:ConsultationReminderDays:0"] = "10",
            ["Workflow:Council:WeekendsCount"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddReviewWorkflowStorage(configuration);
        services.AddReviewWorkflowEmail(configuration);
        services.AddReviewWorkflowDirectory(configuration);
        services.AddReviewCycleServices(configuration);
        services.AddReviewWorkflowDurableTask(configuration, tasks => tasks.AddReviewCycleTasks());
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ReviewCycleService>());
        Assert.IsType<TableEmailSendLedger>(provider.GetRequiredService<IEmailSendLedger>());
        Assert.IsType<TableWebhookEventDeduplicator>(provider.GetRequiredService<IWebhookEventDeduplicator>());
        Assert.NotNull(provider.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>());
        Assert.IsType<Microsoft.DurableTask.Converters.JsonDataConverter>(provider.GetRequiredService<DataConverter>());

        var settings = provider.GetRequiredService<ReviewCycleService>().Settings;
        Assert.Equal([10], settings.ConsultationReminderDays);
        Assert.True(settings.WeekendsCount);
        Assert.Equal(28, settings.KeyDecisionNoticeClearDays);
    }

    [Fact]
    public void Each_orchestrator_lives_in_its_feature_folder_namespace_beside_its_activities()
    {
        var orchestrators = typeof(ReviewCycleService).Assembly.GetTypes().Where(t => typeof(ITaskOrchestrator).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Equal(
            ["Consultation.ConsultationOrchestrator", "Cycles.ReviewCycleOrchestrator", "Drafting.DraftingOrchestrator", "Monitoring.MonitoringOrchestrator", "PersonalData.PersonalDataRetentionOrchestrator", "Ratification.RatificationOrchestrator"],
            orchestrators.Select(t => t.FullName!["ReviewWorkflow.Workflow.".Length..]).Order(StringComparer.Ordinal));
    }
}
