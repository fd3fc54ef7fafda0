using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Audit;

/// <summary>In what capacity the actor acted.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AuditRole>))]
public enum AuditRole
{
    System,
    Lead,
    Clerk,
    Consultee,
    Admin,
}
