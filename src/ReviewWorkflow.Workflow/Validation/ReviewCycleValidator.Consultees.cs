using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Validation;

public static partial class ReviewCycleValidator
{
    private static void ValidateConsultees(ErrorCollector errors, ReviewCycleDefinition definition)
    {
        var groups = definition.Consultation?.Groups ?? [];
        if (groups.Count == 0)
        {
            errors.Add("consultation.groups", "Add at least one consultee group (for example the Children in Care Council, foster carers, staff or partners).");
            return;
        }

        errors.Count("consultation.groups", groups, "consultee groups", Limits.Groups);
        var pledgeCount = definition.Strategy?.Pledges?.Count ?? 0;
        var firstSeen = new Dictionary<string, (int Group, int Member)>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g] ?? new ConsulteeGroup();
            var path = $"consultation.groups[{g}]";
            var label = string.IsNullOrWhiteSpace(group.Name) ? $"group {g + 1}" : $"the group \"{group.Name}\"";
            errors.Line($"{path}.name", group.Name, $"a name for consultee group {g + 1}", Limits.Name);
            ValidateMembers(errors, groups, group, path, label, g, firstSeen);
            ValidateQuestions(errors, group.Questions ?? new Questions(), path, label, pledgeCount);
        }
    }

    private static void ValidateMembers(ErrorCollector errors, IReadOnlyList<ConsulteeGroup> groups, ConsulteeGroup group, string path, string label,
        int g, Dictionary<string, (int Group, int Member)> firstSeen)
    {
        var members = group.Members ?? [];
        errors.MaxLength($"{path}.directoryGroupId", group.DirectoryGroupId, $"the directory group of {label}", Limits.Name);
        if (members.Count == 0)
        {
            if (string.IsNullOrWhiteSpace(group.DirectoryGroupId))
            {
                errors.Add($"{path}.members", $"Add at least one member to {label}, choose a directory group, or remove the group.");
            }

            return;
        }

        errors.Count($"{path}.members", members, $"members in {label}", Limits.MembersPerGroup);
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m] ?? new Consultee();
            var memberPath = $"{path}.members[{m}]";
            errors.Line($"{memberPath}.name", member.Name, $"the name of member {m + 1} of {label}", Limits.Name);
            errors.MaxLength($"{memberPath}.organisation", member.Organisation, $"the organisation of member {m + 1} of {label}", Limits.Name);
            if (!errors.Email($"{memberPath}.email", member.Email, $"member {m + 1} of {label}'s"))
            {
                continue;
            }

            if (!firstSeen.TryAdd(EmailAddress.Normalise(member.Email), (g, m)))
            {
                var (fg, fm) = firstSeen[EmailAddress.Normalise(member.Email)];
                var where = fg == g ? $"member {fm + 1} of the same group" : $"member {fm + 1} of \"{groups[fg]?.Name}\"";
                errors.Add($"{memberPath}.email",
                    $"{member.Email} is already a consultee ({where}); each person gets one request, so remove this duplicate or use a different address.");
            }
        }
    }

    private static void ValidateQuestions(ErrorCollector errors, Questions questions, string path, string label, int pledgeCount)
    {
        var general = questions.General ?? [];
        var perPledge = questions.PerPledge ?? [];
        errors.Count($"{path}.questions.general", general, $"general questions for {label}", Limits.QuestionsPerGroup);
        errors.Count($"{path}.questions.perPledge", perPledge, $"pledge questions for {label}", Limits.QuestionsPerGroup);
        for (var q = 0; q < general.Count; q++)
        {
            errors.Text($"{path}.questions.general[{q}]", general[q], $"the text of general question {q + 1} for {label}", Limits.Question);
        }

        for (var q = 0; q < perPledge.Count; q++)
        {
            var question = perPledge[q] ?? new PledgeQuestion();
            errors.Text($"{path}.questions.perPledge[{q}].text", question.Text, $"the text of pledge question {q + 1} for {label}", Limits.Question);
            if (question.Pledge < 1 || question.Pledge > pledgeCount)
            {
                errors.Add($"{path}.questions.perPledge[{q}].pledge", pledgeCount == 0
                    ? "This question refers to a pledge, but the strategy has none; add the pledges or priorities, or make it a general question."
                    : $"Choose a pledge number from 1 to {pledgeCount} (it says {question.Pledge}).");
            }
        }
    }
}
