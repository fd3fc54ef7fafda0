using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// <c>consultation.hold</c> in a cycle: the directory could not be read for <see cref="Groups"/> at start, so no request
/// went out until it answered. <see cref="OnHold"/> true: still waiting, asked again at <see cref="NextTry"/>; false: it
/// answered at <see cref="ClearedAt"/> and the consultation opened with everyone. The closing date is not moved by a hold
/// (the lead may extend it).
/// </summary>
public sealed record ApiConsultationHold(bool OnHold, IReadOnlyList<string> Groups, DateTimeOffset Since, DateTimeOffset? NextTry, DateTimeOffset? ClearedAt)
{
    public static ApiConsultationHold? From(ConsultationHold? hold) => hold is null ? null : new(
        hold.OnHold,
        hold.Groups,
        Utc(hold.Since),
        hold.NextTry is { } next ? Utc(next) : null,
        hold.ClearedAt is { } cleared ? Utc(cleared) : null);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
