namespace ReviewWorkflow.Workflow.Consultation;

/// <summary>A consultee group whose directory group could not be read because the directory did not answer.</summary>
/// <param name="Reason">The directory's error, for the audit and the lead.</param>
public sealed record UnreachableGroup(string GroupName, string DirectoryGroupId, string Reason)
{
    /// <summary>How the lead sees it: <c>"Partner agencies" (directory group "partners")</c>.</summary>
    public string Describe() => $"\"{GroupName}\" (directory group \"{DirectoryGroupId}\")";
}
