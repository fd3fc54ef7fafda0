using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace ReviewWorkflow.Web.Pages.Cycles.Responses;

/// <summary>The responses filters as typed in the URL (page and API alike); parsed by <c>ResponseFilterParser</c>.</summary>
public sealed record ResponsesQuery
{
    [FromQuery(Name = "group")]
    public string? Group { get; init; }

    [FromQuery(Name = "audience")]
    public string? Audience { get; init; }

    [FromQuery(Name = "pledge")]
    public string? Pledge { get; init; }

    [FromQuery(Name = "view")]
    public string? View { get; init; }

    [FromQuery(Name = "theme")]
    public string? Theme { get; init; }

    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>"?group=…&amp;page=2" with the values set, each escaped; "" when none.</summary>
    public string QueryString()
    {
        var parts = new StringBuilder();
        foreach (var (name, value) in new[] { ("group", Group), ("audience", Audience), ("pledge", Pledge), ("view", View), ("theme", Theme), ("q", Q), ("page", Page) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Append(parts.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return parts.ToString();
    }
}
