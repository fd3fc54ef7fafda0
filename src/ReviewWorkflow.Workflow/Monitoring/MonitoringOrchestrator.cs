using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Monitoring;

/// <summary>
/// Monitoring (every version) of an adopted strategy: one progress-report reminder per execution (a wake-up months ahead, see <see cref="CycleInbox"/>),
/// then <c>ContinueAsNew</c> so the history never grows; after the last report, at the next review's start (expiry minus
/// the council's lead time), the lead gets the "start the next review" email linking to a new cycle prefilled from this one.
/// </summary>
public sealed class MonitoringOrchestrator : TaskOrchestrator<MonitoringInput, MonitoringResult?>
{
    public override async Task<MonitoringResult?> RunAsync(TaskOrchestrationContext context, MonitoringInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var publisher = new CycleStatusPublisher(context);
        var settings = input.Settings;
        var definition = input.Definition;
        var reports = MonitoringPlan.ProgressReports(definition, settings, input.AdoptedOn);
        var status = input.Status with { Stage = CycleStage.Adopted, ActiveInstanceId = context.InstanceId };
        var inbox = new CycleInbox(context, input.Now);
        if (input.Next < reports.Count)
        {
            var report = reports[input.Next];
            status = status with { NextDeadline = new NextDeadline(report.Due, $"The {report.Label} progress report is due on {Format(report.Due)}"), UpdatedAt = inbox.Now };
            status = await publisher.PublishAsync(status);
            await inbox.DelayUntilAsync(CouncilTime.SendAt(report.RemindOn, settings));
            if (report.Due >= CouncilTime.DateOf(inbox.Now, settings))
            {
                await OrchestrationSteps.NoticeAsync(context, new StaffNotice
                {
                    CycleId = input.CycleId,
                    Kind = NoticeKind.ProgressReportReminder,
                    To = definition.Lead,
                    IdempotencyKey = $"progress-report/{input.CycleId}/{report.Due:yyyy-MM-dd}",
                    Title = definition.Strategy.Title,
                    DueDate = report.Due,
                    Label = report.Label,
                });
            }

            context.ContinueAsNew(input with { Next = input.Next + 1, Status = status, Now = inbox.Now });
            return null;
        }

        var start = MonitoringPlan.NextReviewStart(definition, settings);
        status = status with { NextDeadline = new NextDeadline(start, $"The next review starts (the strategy expires on {Format(definition.Strategy.EffectiveExpiry)})"), UpdatedAt = inbox.Now };
        status = await publisher.PublishAsync(status);
        await inbox.DelayUntilAsync(CouncilTime.SendAt(start, settings));

        await OrchestrationSteps.NoticeAsync(context, new StaffNotice
        {
            CycleId = input.CycleId,
            Kind = NoticeKind.NextReviewStart,
            To = definition.Lead,
            IdempotencyKey = $"next-review/{input.CycleId}",
            Title = definition.Strategy.Title,
            DueDate = definition.Strategy.EffectiveExpiry,
        });
        var notifiedOn = CouncilTime.DateOf(inbox.Now, settings);
        status = status with { NextReviewNotifiedOn = notifiedOn, NextDeadline = null, ActiveInstanceId = null, UpdatedAt = inbox.Now };
        status = await publisher.PublishAsync(status);
        return new MonitoringResult(notifiedOn, status, inbox.Now);
    }
}
