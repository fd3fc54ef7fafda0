using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Domain;

/// <summary>Who a consultee group is; young people get the plain-language form.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<Audience>))]
public enum Audience
{
    /// <summary>Children in care and care leavers, directly or through the Children in Care Council.</summary>
    YoungPeople,
    /// <summary>Foster carers and other carers.</summary>
    Carers,
    /// <summary>The children's workforce.</summary>
    Staff,
    /// <summary>Partner agencies (health, police, education, housing ...), outside the council's tenant.</summary>
    Partners,
}
