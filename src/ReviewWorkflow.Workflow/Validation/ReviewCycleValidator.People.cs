using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Validation;

public static partial class ReviewCycleValidator
{
    private static void ValidatePeople(ErrorCollector errors, ReviewCycleDefinition definition)
    {
        Person("lead", definition.Lead, "the lead's", errors);

        var group = definition.TaskAndFinishGroup ?? [];
        errors.Count("taskAndFinishGroup", group, "task-and-finish group members", Limits.TaskAndFinishMembers);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < group.Count; i++)
        {
            var path = $"taskAndFinishGroup[{i}]";
            if (Person(path, group[i], $"task-and-finish member {i + 1}'s", errors)
                && !seen.TryAdd(EmailAddress.Normalise(group[i].Email), i))
            {
                errors.Add($"{path}.email", $"{group[i].Email} is already in the task-and-finish group (member {seen[EmailAddress.Normalise(group[i].Email)] + 1}); remove the duplicate.");
            }
        }

        if (definition.DirectorSignOff is { } director)
        {
            Person("directorSignOff", director, "the signing-off director's", errors);
        }
    }

    /// <summary>Checks name and email; true when the email is valid (so it can be compared for duplicates).</summary>
    private static bool Person(string path, Person? person, string whose, ErrorCollector errors)
    {
        person ??= new Person();
        errors.Line($"{path}.name", person.Name, $"{whose} name", Limits.Name);
        return errors.Email($"{path}.email", person.Email, whose);
    }
}
