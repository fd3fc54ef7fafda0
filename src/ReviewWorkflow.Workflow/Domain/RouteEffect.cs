using System.Text.Json.Serialization;
using ReviewWorkflow.Workflow.Json;

namespace ReviewWorkflow.Workflow.Domain;

/// <summary>What a decision does to the governance route.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RouteEffect>))]
public enum RouteEffect
{
    /// <summary>Go on to the next body.</summary>
    NextBody,
    /// <summary>The strategy is adopted; monitoring starts.</summary>
    Adopted,
    /// <summary>Wait for the same body's new meeting date.</summary>
    Deferred,
    /// <summary>Back to drafting with the comments; then this body again.</summary>
    ReferredBack,
    /// <summary>The cycle is closed without adoption.</summary>
    Closed,
}
