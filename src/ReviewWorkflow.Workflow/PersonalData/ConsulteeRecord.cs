using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>A consultee as one cycle knows them, and the label that replaces their name once erased.</summary>
public sealed record ConsulteeRecord(string CycleId, string ConsulteeId, string Name, string Email, string Label, string GroupName, Audience Audience, string? Organisation);
