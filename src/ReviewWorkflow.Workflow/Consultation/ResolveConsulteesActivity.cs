using ReviewWorkflow.Directory;
using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Expands each group's directory group (if any) and its inline members into one list, each address once
/// (the first group that names someone keeps them). Read-only, so safe to run again.</summary>
public sealed class ResolveConsulteesActivity(IDirectory directory) : TaskActivity<ResolveConsulteesInput, ResolvedConsultees>
{
    public override async Task<ResolvedConsultees> RunAsync(TaskActivityContext context, ResolveConsulteesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var consultees = new List<ResolvedConsultee>();
        var problems = new List<string>();
        var groups = input.Definition.Consultation.Groups;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            foreach (var member in group.Members)
            {
                Add(new ResolvedConsultee(member.Id, member.Name, member.Email.Trim(), g, group.Name, group.Audience, member.Organisation));
            }

            if (string.IsNullOrWhiteSpace(group.DirectoryGroupId))
            {
                continue;
            }

            try
            {
                foreach (var person in await directory.GetGroupMembersAsync(group.DirectoryGroupId).ConfigureAwait(false))
                {
                    if (EmailAddress.IsValid(person.Email))
                    {
                        Add(new ResolvedConsultee(ConsulteeId.For(person.Email), person.DisplayName, person.Email, g, group.Name, group.Audience, null));
                    }
                }
            }
            catch (DirectoryGroupNotFoundException)
            {
                problems.Add($"The directory group \"{group.DirectoryGroupId}\" of \"{group.Name}\" was not found; its members were not consulted.");
            }
            catch (DirectoryException ex)
            {
                // Unreachable (after the SDK's own retries): the cycle goes on with whoever else was resolved and the
                // problem is audited, which the cycle page shows the lead; an activity retry would only fail the cycle.
                problems.Add($"The directory could not be reached to read the group \"{group.DirectoryGroupId}\" of \"{group.Name}\" ({ex.Message}); its members were not consulted.");
            }
        }

        return new ResolvedConsultees(consultees, problems);

        void Add(ResolvedConsultee consultee)
        {
            if (seen.Add(consultee.Id))
            {
                consultees.Add(consultee);
            }
        }
    }
}
