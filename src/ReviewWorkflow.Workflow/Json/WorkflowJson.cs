using System.Text.Json;

namespace ReviewWorkflow.Workflow.Json;

/// <summary>The JSON shape of workflow records: web defaults (camelCase, case-insensitive read), enums as kebab-case text.</summary>
public static class WorkflowJson
{
    /// <summary>Shared, read-only options; DateOnly as "yyyy-MM-dd", TimeOnly as "HH:mm:ss".</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
