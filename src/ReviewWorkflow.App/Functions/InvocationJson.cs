using System.Text.Json;

namespace ReviewWorkflow.App.Functions;

/// <summary>The host reads <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c> as written (PascalCase); return values stay camelCase.</summary>
internal static class InvocationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
    };
}
