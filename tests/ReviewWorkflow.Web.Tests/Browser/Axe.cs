using System.Text.Json;
using Microsoft.Playwright;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Web.Tests.Browser;

/// <summary>axe-core (from the repository's node_modules) run in a page. The page needs JavaScript and a context with
/// CSP bypassed: the service's CSP (rightly) refuses the injected script tag.</summary>
public static class Axe
{
    /// <summary>The serious and critical violations, one line each: rule (impact): help at selectors.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(Azurite.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        return [.. json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join("; ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }
}
