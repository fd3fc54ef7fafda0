using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Ratification;

/// <summary>The emails ratification sends to the lead and a body's clerk (pure: the notices are data, sent as effects).</summary>
public static class RatificationNotices
{
    /// <summary>
    /// A statutory reminder to the lead, and to the body's clerk when that is someone else. With
    /// <paramref name="coveredBy"/> (a later reminder of the same deadline going at the same moment) it is recorded as
    /// covered by that one rather than emailed; the same activity is called either way, so running cycles replay unchanged.
    /// </summary>
    public static IReadOnlyList<StageEffect> Reminder(ReviewCycleDefinition definition, RatificationReminder reminder, RatificationReminder? coveredBy)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(reminder);
        var kind = reminder.Kind == ReminderKind.Publication ? NoticeKind.PublicationReminder : NoticeKind.KeyDecisionNoticeReminder;
        var step = definition.Route[reminder.BodyIndex];
        var key = $"ratification-reminder/{definition.Id}/{reminder.Key}";
        string? Cover(string to) => coveredBy is null ? null : $"ratification-reminder/{definition.Id}/{coveredBy.Key}/{to}";
        var effects = new List<StageEffect>
        {
            new SendStaffNotice(Notice(definition, reminder.BodyIndex, kind, definition.Lead, key + "/lead", reminder.Target) with { CoveredBy = Cover("lead") }),
        };
        if (step.ClerkEmail is { } clerk && !string.Equals(clerk, definition.Lead.Email, StringComparison.OrdinalIgnoreCase))
        {
            effects.Add(new SendStaffNotice(Notice(definition, reminder.BodyIndex, kind, Clerk(step, definition), key + "/clerk", reminder.Target) with { CoveredBy = Cover("clerk") }));
        }

        return effects;
    }

    /// <summary>The escalation of the decision of body <paramref name="index"/> not recorded after its meeting: to the
    /// clerk, and to the lead as well when the lead is not the clerk (keyed by <paramref name="cycleId"/>, the stage input's).</summary>
    public static IReadOnlyList<StageEffect> DecisionDue(string cycleId, ReviewCycleDefinition definition, int index, string escalationKey)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var step = definition.Route[index];
        var clerk = Clerk(step, definition);
        var effects = new List<StageEffect>
        {
            new SendStaffNotice(Notice(definition, index, NoticeKind.DecisionDue, clerk, $"{escalationKey}/{cycleId}", step.MeetingDate)),
        };
        if (!string.Equals(clerk.Email, definition.Lead.Email, StringComparison.OrdinalIgnoreCase))
        {
            effects.Add(new SendStaffNotice(Notice(definition, index, NoticeKind.DecisionDue, definition.Lead, $"{escalationKey}/{cycleId}/lead", step.MeetingDate)));
        }

        return effects;
    }

    /// <summary>The body's clerk, or the lead when the route names none.</summary>
    public static Person Clerk(RouteStep step, ReviewCycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(definition);
        return step.ClerkEmail is { } email ? new Person { Name = $"Clerk to {step.Body}", Email = email } : definition.Lead;
    }

    private static StaffNotice Notice(ReviewCycleDefinition definition, int index, NoticeKind kind, Person to, string key, DateOnly due) => new()
    {
        CycleId = definition.Id,
        Kind = kind,
        To = to,
        IdempotencyKey = key,
        Title = definition.Strategy.Title,
        DueDate = due,
        Body = definition.Route[index].Body,
        MeetingDate = definition.Route[index].MeetingDate,
    };
}
