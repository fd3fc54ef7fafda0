using System.Text.Json;

namespace ReviewWorkflow.Functions.Tests.Publishing;

/// <summary>One function in functions.metadata: its name and its bindings (type, direction, name, and the rest as JSON).</summary>
internal sealed record PublishedFunction(string Name, IReadOnlyList<PublishedBinding> Bindings)
{
    public static IReadOnlyList<PublishedFunction> Read(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")));
        return document.RootElement.EnumerateArray().Select(f => new PublishedFunction(
            f.GetProperty("name").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Select(b => new PublishedBinding(
                b.GetProperty("type").GetString()!,
                b.GetProperty("direction").GetString()!,
                b.GetProperty("name").GetString()!,
                b.GetRawText())).ToList())).ToList();
    }

    public string Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal)).Type;
}

internal sealed record PublishedBinding(string Type, string Direction, string Name, string Json);
