using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Notifications;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Webhook;
using ReviewWorkflow.Orchestrations;
using ReviewWorkflow.Workflow.Storage;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Email;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

public sealed class WorkflowRegistrationTests
{
    [Fact]
    public void AddReviewCycleWorkflow_registers_the_facade_orchestrators_and_durable_ledgers_whatever_the_order()
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
        services.AddReviewCycleWorkflow(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ReviewCycleService>());
        Assert.IsType<TableEmailSendLedger>(provider.GetRequiredService<IEmailSendLedger>());
        Assert.IsType<TableWebhookEventDeduplicator>(provider.GetRequiredService<IWebhookEventDeduplicator>());
        var registry = provider.GetRequiredService<DurableTaskRegistry>();
        foreach (var name in new[] { OrchestrationNames.ReviewCycle, OrchestrationNames.Consultation, OrchestrationNames.Drafting, OrchestrationNames.Ratification, OrchestrationNames.Monitoring })
        {
            Assert.Equal(OrchestrationNames.CurrentVersion, registry.LatestVersion(name));
        }

        var settings = provider.GetRequiredService<ReviewCycleService>().Settings;
        Assert.Equal([10], settings.ConsultationReminderDays);
        Assert.True(settings.WeekendsCount);
        Assert.Equal(28, settings.KeyDecisionNoticeClearDays);
    }

    [Fact]
    public void Orchestrators_are_compiled_only_in_the_project_under_the_banned_API_analyzer()
    {
        Assert.DoesNotContain(typeof(ReviewCycleService).Assembly.GetTypes(), t => t.Name.EndsWith("Orchestrator", StringComparison.Ordinal));
        Assert.Equal(5, typeof(ReviewCycleOrchestrator).Assembly.GetTypes().Count(t => typeof(ITaskOrchestrator).IsAssignableFrom(t)));
    }
}
