using ReviewWorkflow.Directory;
using Microsoft.DurableTask;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>Expands each group's directory group (if any) and its inline members into one list, each address once
/// (the first group that names someone keeps them). A group the directory does not know is a problem (its members are
/// not consulted); a group it could not be asked about is <see cref="ResolvedConsultees.Unreachable"/> (the cycle holds
/// the consultation and asks again later). Read-only, so safe to run again.</summary>
public sealed class ResolveConsulteesActivity(IDirectory directory) : TaskActivity<ResolveConsulteesInput, ResolvedConsultees>
{
    public override async Task<ResolvedConsultees> RunAsync(TaskActivityContext context, ResolveConsulteesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var consultees = new List<ResolvedConsultee>();
        var problems = new List<string>();
        var unreachable = new List<UnreachableGroup>();
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
                // Unreachable (after the SDK's own retries): reported, not thrown. The orchestrator holds the consultation
                // and asks again on its own schedule; an activity retry here would only fail the cycle.
                unreachable.Add(new UnreachableGroup(group.Name, group.DirectoryGroupId, ex.Message));
            }
        }

        return new ResolvedConsultees(consultees, problems) { Unreachable = unreachable };

        void Add(ResolvedConsultee consultee)
        {
            if (seen.Add(consultee.Id))
            {
                consultees.Add(consultee);
            }
        }
    }
}
