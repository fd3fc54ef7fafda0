namespace ReviewWorkflow.Workflow.Validation;

/// <summary>One thing to fix: <see cref="Field"/> is a JSON path into the request ("route[1].meetingDate",
/// "consultation.groups[0].members[2].email"); <see cref="Message"/> says what to change, in plain English.</summary>
public sealed record ValidationError(string Field, string Message);
