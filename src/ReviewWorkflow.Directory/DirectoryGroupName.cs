namespace ReviewWorkflow.Directory;

/// <summary>A directory group as a chooser shows it: its id (what a cycle stores) and its display name.</summary>
public sealed record DirectoryGroupName(string Id, string DisplayName);
