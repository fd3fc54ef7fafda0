using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>A consultee's browser without JavaScript: keeps cookies (antiforgery), follows no redirects.</summary>
internal sealed class FormClient(WebTestHost host) : IDisposable
{
    private readonly HttpClient _client = host.NewClient(new CookieContainer());

    public HttpClient Http => _client;

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="page"/> and posts <paramref name="fields"/> with its antiforgery token and hidden fields.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, IDictionary<string, string> fields, bool antiforgery = true)
    {
        var (_, html) = await GetAsync(page);
        var all = new Dictionary<string, string>(Hidden(html));
        if (!antiforgery)
        {
            all.Remove("__RequestVerificationToken");
        }

        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        using var form = new FormUrlEncodedContent(all);
        return await _client.PostAsync(page, form);
    }

    /// <summary>The hidden fields of the page's forms (antiforgery token, ETag, idempotency key).</summary>
    public static Dictionary<string, string> Hidden(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>"))
        {
            var name = System.Text.RegularExpressions.Regex.Match(m.Value, "name=\"([^\"]+)\"").Groups[1].Value;
            var value = System.Text.RegularExpressions.Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value;
            fields.TryAdd(name, WebUtility.HtmlDecode(value));
        }

        return fields;
    }

    public void Dispose() => _client.Dispose();
}
