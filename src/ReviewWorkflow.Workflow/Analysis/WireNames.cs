using System.Text.Json;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>An enum's kebab-case name as the JSON, the URLs and the CSV spell it ("young-people", "dont-know").</summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T? Parse<T>(string value) where T : struct, Enum =>
        Enum.GetValues<T>().Select(e => (T?)e).FirstOrDefault(e => Of(e!.Value) == value);
}
