using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewWorkflow.Workflow.Json;

/// <summary>Writes and reads an enum as kebab-case text ("young-people", "refer-back", "dont-know"); numbers are refused.</summary>
/// <remarks>Put on the enum type, so the wire names hold whatever <see cref="JsonSerializerOptions"/> a caller uses.</remarks>
public sealed class KebabCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public KebabCaseEnumConverter()
        : base(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    {
    }
}
