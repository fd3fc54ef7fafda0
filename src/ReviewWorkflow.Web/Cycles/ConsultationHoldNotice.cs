using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>What the cycle page tells the lead about a consultation held because the directory could not be read
/// (issue 17, point 4): while on hold, which groups and what happens next, including what was decided about the closing
/// date (kept; the lead may extend it); once cleared, when the directory answered. Null when there is nothing to say.</summary>
public sealed record ConsultationHoldNotice(string Heading, IReadOnlyList<string> Lines, bool OnHold)
{
    public static ConsultationHoldNotice? For(CycleView cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.ConsultationHold is not { } hold || cycle.Stage != CycleStage.Consultation)
        {
            return null;
        }

        var groups = string.Join(", ", hold.Groups);
        var since = CycleDisplay.Date(new DateTimeOffset(DateTime.SpecifyKind(hold.Since, DateTimeKind.Utc)));
        if (!hold.OnHold)
        {
            var cleared = CycleDisplay.Date(new DateTimeOffset(DateTime.SpecifyKind(hold.ClearedAt!.Value, DateTimeKind.Utc)));
            return new ConsultationHoldNotice($"Consultation hold cleared: the directory answered on {cleared}.",
                [$"The consultation was on hold from {since} because the directory could not be reached for {groups}. Every consultee, including that group, is now consulted."], false);
        }

        var closes = CycleDisplay.Date(cycle.ConsultationCloses);
        var next = hold.NextTry is { } at ? $" (next on {CycleDisplay.Date(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))})" : "";
        return new ConsultationHoldNotice($"Consultation on hold: the directory could not be reached for group {groups}.",
        [
            $"No consultation request has gone out, to anyone, since {since}: nobody is left out while the directory is away. You have been sent an email about it.",
            $"The consultation opens as soon as the directory answers: it is asked again every hour{next}, and the requests then go to every consultee.",
            today > cycle.ConsultationCloses
                ? $"The closing date, {closes}, has passed while on hold. Extend it below, or the consultation closes as soon as it opens."
                : $"The closing date is kept: {closes}. If the hold lasts, extend it below so that consultees still have time to answer.",
        ], true);
    }
}
