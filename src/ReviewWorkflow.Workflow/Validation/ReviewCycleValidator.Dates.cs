using System.Globalization;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Validation;

public static partial class ReviewCycleValidator
{
    private static void ValidateDates(ErrorCollector errors, ReviewCycleDefinition definition, CouncilSettings settings, DateOnly today)
    {
        var consultation = definition.Consultation ?? new ConsultationPlan();
        var hasOpens = errors.Date("consultation.opens", consultation.Opens, "the date the consultation opens");
        var hasCloses = errors.Date("consultation.closes", consultation.Closes, "the date the consultation closes");
        var hasDeadline = errors.Date("draftingDeadline", definition.DraftingDeadline, "the drafting deadline");

        if (hasOpens && hasCloses && consultation.Closes <= consultation.Opens)
        {
            errors.Add("consultation.closes", $"The consultation closes ({Format(consultation.Closes)}) on or before it opens ({Format(consultation.Opens)}); choose a closing date after the opening date.");
        }
        else if (hasCloses && consultation.Closes < today)
        {
            errors.Add("consultation.closes", $"The consultation closing date ({Format(consultation.Closes)}) has passed; choose {Format(today)} or later.");
        }

        if (hasCloses && hasDeadline && consultation.Closes >= definition.DraftingDeadline)
        {
            errors.Add("consultation.closes", $"The consultation closes ({Format(consultation.Closes)}) on or after the drafting deadline ({Format(definition.DraftingDeadline)}); close the consultation before {Format(definition.DraftingDeadline)} so the draft can take the responses into account.");
        }

        if (hasDeadline && definition.DraftingDeadline < today)
        {
            errors.Add("draftingDeadline", $"The drafting deadline ({Format(definition.DraftingDeadline)}) has passed; choose {Format(today)} or later.");
        }

        ValidateRoute(errors, definition, settings, today, hasDeadline);
    }

    private static void ValidateRoute(ErrorCollector errors, ReviewCycleDefinition definition, CouncilSettings settings, DateOnly today, bool hasDeadline)
    {
        var route = definition.Route ?? [];
        if (route.Count == 0)
        {
            errors.Add("route", "Add at least one body to the governance route, in meeting order (for example Corporate Parenting Panel, then Cabinet, then Full Council).");
            return;
        }

        errors.Count("route", route, "bodies on the route", Limits.RouteBodies);
        DateOnly? previous = null;
        for (var i = 0; i < route.Count; i++)
        {
            var step = route[i] ?? new RouteStep();
            var path = $"route[{i}]";
            var name = string.IsNullOrWhiteSpace(step.Body) ? $"body {i + 1}" : step.Body;
            errors.Line($"{path}.body", step.Body, $"the name of body {i + 1} on the route (for example \"Cabinet\")", Limits.Name);
            if (step.ClerkEmail is not null)
            {
                errors.Email($"{path}.clerkEmail", step.ClerkEmail, $"the clerk to {name}'s");
            }

            if (!errors.Date($"{path}.meetingDate", step.MeetingDate, $"the date {name} meets"))
            {
                continue;
            }

            if (previous is { } before && step.MeetingDate <= before)
            {
                errors.Add($"{path}.meetingDate", $"{name} meets on {Format(step.MeetingDate)}, not after the body before it ({route[i - 1]?.Body}, {Format(before)}); put the bodies in meeting order or correct the date.");
            }
            else if (step.MeetingDate < today)
            {
                errors.Add($"{path}.meetingDate", $"{name}'s meeting date ({Format(step.MeetingDate)}) has passed; enter the next meeting date.");
            }

            if (i == 0 && hasDeadline)
            {
                CheckDeadlineFeedsFirstMeeting(errors, definition.DraftingDeadline, step, name, settings);
            }

            if (step.KeyDecision)
            {
                CheckKeyDecisionNotice(errors, path, step, name, settings, today);
            }

            previous = step.MeetingDate;
        }
    }

    private static void CheckDeadlineFeedsFirstMeeting(ErrorCollector errors, DateOnly deadline, RouteStep first, string name, CouncilSettings settings)
    {
        var publish = ClearDays.LatestPublicationDate(first.MeetingDate, settings);
        if (deadline <= publish)
        {
            return;
        }

        var days = settings.PublicationClearDays.ToString(CultureInfo.InvariantCulture);
        errors.Add("draftingDeadline", deadline >= first.MeetingDate
            ? $"The drafting deadline ({Format(deadline)}) is after the {name} meeting it feeds ({Format(first.MeetingDate)}); move the deadline to {Format(publish)} or earlier, the last day to publish the report ({days} clear days before the meeting)."
            : $"The drafting deadline ({Format(deadline)}) leaves no time to publish the report for {name} ({Format(first.MeetingDate)}), which must be published by {Format(publish)} ({days} clear days before the meeting); move the deadline to {Format(publish)} or earlier.");
    }

    private static void CheckKeyDecisionNotice(ErrorCollector errors, string path, RouteStep step, string name, CouncilSettings settings, DateOnly today)
    {
        var notice = ClearDays.KeyDecisionNoticeDate(step.MeetingDate, settings);
        if (notice >= today)
        {
            return;
        }

        var earliest = step.MeetingDate;
        while (ClearDays.KeyDecisionNoticeDate(earliest, settings) < today)
        {
            earliest = earliest.AddDays(1);
        }

        var days = settings.KeyDecisionNoticeClearDays.ToString(CultureInfo.InvariantCulture);
        errors.Add($"{path}.meetingDate",
            $"{name} on {Format(step.MeetingDate)} is a key decision, which needs notice {days} clear days before (by {Format(notice)}), and that date has passed; move it to a meeting on or after {Format(earliest)}, or agree the general exception (reg 10) or special urgency (reg 11) with the clerk.");
    }
}
