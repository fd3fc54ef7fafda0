using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Email;
using static ReviewWorkflow.Workflow.Deadlines.DateText;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>The consultation's emails. Young people get plain, friendly wording; everyone gets one personal link.</summary>
public static class ConsultationEmails
{
    public static EmailContent Request(ConsultationMail mail, ResolvedConsultee to, string link)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Audience == Audience.YoungPeople)
        {
            return new EmailBuilder()
                .Para($"Hi {to.Name},")
                .Para($"We are looking again at {What(mail, youngPeople: true)} and we want to know what you think. Your ideas help decide what the council promises to do.")
                .Para($"It takes about 10 minutes. You can stop, save and come back later. Please tell us by {WithDay(mail.Closes)}.")
                .Link("Tell us what you think", link)
                .Para("This link is just for you, so please do not share it.")
                .Para($"If you want help, or would rather talk to someone, contact {mail.Lead.Name} ({mail.Lead.Email}).")
                .Build($"Have your say: {mail.Title}");
        }

        return new EmailBuilder()
            .Para($"Dear {to.Name},")
            .Para($"{mail.Lead.Name} is leading the review of the {mail.Title} and would like your views{(to.Organisation is { } org ? $" as part of {org}" : "")}, as a member of {to.GroupName}.")
            .Para($"Please respond by {WithDay(mail.Closes)}. You can answer per {Item(mail)} and in your own words, save your answers and come back before you submit. {Late(mail)}")
            .Link("Give your views", link)
            .Para("The link is personal to you; you do not need an account. Colleagues from your organisation can work on the same response.")
            .Para($"Questions: {mail.Lead.Name}, {mail.Lead.Email}.")
            .Build($"Your views on the {mail.Title} (by {Format(mail.Closes)})");
    }

    public static EmailContent Reminder(ConsultationMail mail, ResolvedConsultee to, string link, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(to);
        var days = mail.Closes.DayNumber - today.DayNumber;
        var when = days <= 1 ? (days == 1 ? "tomorrow" : "today") : $"in {days} days, on {WithDay(mail.Closes)}";
        if (to.Audience == Audience.YoungPeople)
        {
            return new EmailBuilder()
                .Para($"Hi {to.Name},")
                .Para($"Just a reminder: you can still tell us what you think about {What(mail, youngPeople: true)}. It closes {when}.")
                .Link("Tell us what you think", link)
                .Para("If you started already, your answers are saved. Just carry on where you left off.")
                .Para($"Need help? Contact {mail.Lead.Name} ({mail.Lead.Email}).")
                .Build($"Reminder: have your say on {mail.Title}");
        }

        return new EmailBuilder()
            .Para($"Dear {to.Name},")
            .Para($"We have not yet received your response on the {mail.Title}. The consultation closes {when}. {Late(mail)}")
            .Link("Give your views", link)
            .Para("Anything you saved is still there.")
            .Para($"Questions: {mail.Lead.Name}, {mail.Lead.Email}.")
            .Build($"Reminder: your views on the {mail.Title} (closes {Format(mail.Closes)})");
    }

    public static EmailContent Escalation(ConsultationMail mail, IReadOnlyList<ResolvedConsultee> notAnswered, IReadOnlyList<ResolvedConsultee> bounced, string cycleUrl)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(notAnswered);
        ArgumentNullException.ThrowIfNull(bounced);
        var builder = new EmailBuilder()
            .Para($"Dear {mail.Lead.Name},")
            .Para($"The consultation on the {mail.Title} closes on {WithDay(mail.Closes)}. {notAnswered.Count} consultee(s) have not submitted a response yet:")
            .Bullets(notAnswered.Select(c => $"{c.Name} ({c.GroupName}{(c.Organisation is { } o ? ", " + o : "")})"));
        if (bounced.Count > 0)
        {
            builder.Para("Emails to these consultees did not arrive, so they have not had the request:")
                .Bullets(bounced.Select(c => $"{c.Name} ({c.GroupName}): {c.Email}"));
        }

        return builder
            .Para("You can chase them, extend the consultation or close it early from the cycle's page.")
            .Link("Open the review cycle", cycleUrl)
            .Build($"{notAnswered.Count} not yet answered: {mail.Title}");
    }

    public static EmailContent BounceNotice(ConsultationMail mail, ResolvedConsultee? consultee, BounceReport report, string cycleUrl)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(report);
        var who = consultee is null ? report.Address : $"{consultee.Name} ({consultee.GroupName}), {report.Address}";
        return new EmailBuilder()
            .Para($"Dear {mail.Lead.Name},")
            .Para($"The consultation email to {who} did not arrive ({report.Kind}{(report.Reason is { Length: > 0 } r ? ": " + r : "")}).")
            .Para("They will not get reminders at this address. Please check the address, or reach them another way so their views are still heard.")
            .Link("Open the review cycle", cycleUrl)
            .Build($"Email not delivered: {mail.Title}");
    }

    public static string LateRuleText(LateResponseRule rule) => Late(rule);

    private static string Late(ConsultationMail mail) => Late(mail.LateResponses);

    private static string Late(LateResponseRule rule) => rule == LateResponseRule.Refuse
        ? "Responses cannot be accepted after the closing date."
        : "Responses sent after the closing date are kept and marked late.";

    private static string What(ConsultationMail mail, bool youngPeople) => mail.Kind == StrategyKind.Pledge && youngPeople
        ? "the promises the council makes to children in care and care leavers"
        : "the " + mail.Title;

    private static string Item(ConsultationMail mail) => mail.Kind == StrategyKind.Pledge ? "pledge" : "priority";

    internal static string CycleUrl(Hosting.WorkflowOptions options, string cycleId) => options.Url("cycles/" + Uri.EscapeDataString(cycleId));

    internal static DateOnly Today(TimeProvider time, CouncilSettings settings) => CouncilClock.Today(time, settings);
}
