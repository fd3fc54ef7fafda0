using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// Request bodies onto the workflow's records. Missing text and dates map to empty values that the domain validators
/// name; missing enums and flags have no safe default (a missing audience must not become "young-people", a missing
/// outcome must not become "note"), so they are reported here, by JSON path.
/// </summary>
internal static class CycleRequestMapping
{
    public static (ReviewCycleDefinition Definition, IReadOnlyList<ValidationError> Missing) ToDefinition(StartCycleRequest request, DateOnly today)
    {
        var missing = new List<ValidationError>();
        var groups = request.Consultation?.Groups ?? [];
        var route = request.Route ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] is { Audience: null })
            {
                missing.Add(new ValidationError($"consultation.groups[{i}].audience", "Choose the group's audience: young-people, carers, staff or partners."));
            }
        }

        for (var i = 0; i < route.Count; i++)
        {
            if (route[i] is { KeyDecision: null })
            {
                missing.Add(new ValidationError($"route[{i}].keyDecision", "Say whether this is a key decision (true or false): a key decision needs 28 clear days' notice."));
            }
        }

        var strategy = request.Strategy ?? new StrategyRequest();
        var definition = new ReviewCycleDefinition
        {
            Id = request.Id?.Trim() ?? "",
            Strategy = new Strategy
            {
                Title = strategy.Title ?? "",
                Kind = strategy.Kind ?? StrategyKind.Strategy,
                OwningService = strategy.OwningService ?? "",
                PeriodStart = strategy.PeriodStart ?? default,
                PeriodEnd = strategy.PeriodEnd ?? default,
                Expiry = strategy.Expiry,
                Pledges = [.. (strategy.Pledges ?? []).Select(p => p ?? "")],
            },
            Lead = ToPerson(request.Lead) ?? new Person(),
            TaskAndFinishGroup = [.. (request.TaskAndFinishGroup ?? []).Select(p => ToPerson(p) ?? new Person())],
            Consultation = new ConsultationPlan
            {
                Opens = request.Consultation?.Opens ?? today,
                Closes = request.Consultation?.Closes ?? default,
                Groups = [.. groups.Select(ToGroup)],
            },
            DraftingDeadline = request.DraftingDeadline ?? default,
            DirectorSignOff = ToPerson(request.DirectorSignOff),
            Route = [.. route.Select(r => new RouteStep
            {
                Body = r?.Body ?? "",
                MeetingDate = r?.MeetingDate ?? default,
                MeetingTime = r?.MeetingTime,
                KeyDecision = r?.KeyDecision ?? false,
                ClerkEmail = r?.ClerkEmail,
            })],
        };
        return (definition, missing);
    }

    public static DraftSubmission ToDraft(DraftRequest request) => new()
    {
        Version = request.Version ?? "",
        DocumentUrl = request.DocumentUrl ?? "",
        YouSaidWeDid = [.. (request.YouSaidWeDid ?? []).Select(y => new YouSaidWeDid { Theme = y?.Theme ?? "", YouSaid = y?.YouSaid ?? "", WeDid = y?.WeDid ?? "", ThemeId = string.IsNullOrWhiteSpace(y?.ThemeId) ? null : y.ThemeId.Trim() })],
    };

    public static (CommitteeDecision Decision, IReadOnlyList<ValidationError> Missing) ToDecision(DecisionRequest request)
    {
        IReadOnlyList<ValidationError> missing = request.Outcome is null
            ? [new ValidationError("outcome", "Choose the outcome: endorse, recommend, approve, adopt, defer, refer-back, reject, note or comment.")]
            : [];
        return (new CommitteeDecision
        {
            Body = request.Body ?? "",
            MeetingDate = request.MeetingDate ?? default,
            Outcome = request.Outcome ?? default,
            AgendaItem = request.AgendaItem,
            MinuteReference = request.MinuteReference ?? "",
            Resolution = request.Resolution ?? "",
            NewMeetingDate = request.NewMeetingDate,
            Comments = request.Comments,
        }, missing);
    }

    private static Person? ToPerson(PersonRequest? person) =>
        person is null ? null : new Person { Name = person.Name ?? "", Email = person.Email ?? "" };

    private static ConsulteeGroup ToGroup(ConsulteeGroupRequest? group) => new()
    {
        Name = group?.Name ?? "",
        Audience = group?.Audience ?? default,
        DirectoryGroupId = group?.DirectoryGroupId,
        Members = [.. (group?.Members ?? []).Select(m => new Consultee { Name = m?.Name ?? "", Email = m?.Email ?? "", Organisation = m?.Organisation })],
        Questions = new Questions
        {
            General = [.. (group?.Questions?.General ?? []).Select(q => q ?? "")],
            PerPledge = [.. (group?.Questions?.PerPledge ?? []).Select(q => new PledgeQuestion { Pledge = q?.Pledge ?? 0, Text = q?.Text ?? "" })],
        },
    };
}
