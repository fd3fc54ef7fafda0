using System.Text.Json;

namespace ReviewWorkflow.App.Configuration;

/// <summary>
/// Reads the Functions-style <c>local.settings.json</c> (git-ignored; <c>local.settings.sample.json</c> is committed)
/// so the app sees the same flat key names locally as the Functions host passes it as app settings in Azure:
/// each entry of <c>Values</c> becomes a configuration key, with <c>__</c> meaning a section separator.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string directory)
    {
        var path = Find(directory);
        return path is null ? configuration : configuration.AddInMemoryCollection(Read(path));
    }

    /// <summary>local.settings.json in <paramref name="directory"/> or the nearest parent, stopping at the folder holding host.json (the Functions app root).</summary>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "host.json")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The <c>Values</c> of a local.settings.json file as configuration pairs. Throws a readable error for a malformed file.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return values.EnumerateObject()
                .Select(p => new KeyValuePair<string, string?>(
                    p.Name.Replace("__", ":", StringComparison.Ordinal),
                    p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
                .ToList();
        }
    }
}
