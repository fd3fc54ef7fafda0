using ReviewWorkflow.Directory;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Cycles;

public sealed partial class ReviewCycleService
{
    /// <summary>
    /// Refuses a directory group that resolves to no one (unknown, or empty with no members typed besides), so a cycle
    /// never runs as a silent empty consultation. When the directory cannot be reached the cycle still starts, with its
    /// consultation on hold (no requests, the lead told on the cycle page and by email) until the directory answers.
    /// </summary>
    private async Task<IReadOnlyList<ValidationError>> CheckDirectoryGroupsAsync(ReviewCycleDefinition definition, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var groups = definition.Consultation.Groups;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (string.IsNullOrWhiteSpace(group.DirectoryGroupId))
            {
                continue;
            }

            var field = $"consultation.groups[{g}].directoryGroupId";
            try
            {
                var members = await directory.GetGroupMembersAsync(group.DirectoryGroupId, cancellationToken).ConfigureAwait(false);
                if (members.Count == 0 && group.Members.Count == 0)
                {
                    errors.Add(new ValidationError(field,
                        $"The directory group \"{group.DirectoryGroupId}\" chosen for \"{group.Name}\" has nobody with an email address; choose another group or list the members."));
                }
            }
            catch (DirectoryGroupNotFoundException)
            {
                errors.Add(new ValidationError(field,
                    $"The directory has no group \"{group.DirectoryGroupId}\" (chosen for \"{group.Name}\"); choose one of the directory's groups."));
            }
            catch (DirectoryException)
            {
                // Unreachable now: start anyway; the cycle holds the consultation until the directory answers (ConsultationHoldStep).
            }
        }

        return errors;
    }
}
