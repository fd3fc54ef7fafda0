using System.Net;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Tests.Consultees;

/// <summary>Issue 17, point 3: two colleagues open a never-saved form on one link; the first save is create-only
/// (If-None-Match: * semantics), so the second gets the "both versions shown" conflict page instead of replacing it.</summary>
[Collection(ConsulteeHostGroup.Name)]
public sealed class FirstSaveConflictTests(ConsulteeHost fixture)
{
    [Fact]
    public async Task The_second_first_save_gets_the_conflict_page_and_the_first_is_kept()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        var page = $"/respond/{cycle.Pat}";
        using var first = new FormClient(fixture.Host);
        using var second = new FormClient(fixture.Host);
        var (_, firstHtml) = await first.GetAsync(page);
        var (_, secondHtml) = await second.GetAsync(page);

        using (var saved = await PostAsync(first, page, firstHtml, "Deposits for a first flat."))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var clash = await PostAsync(second, page, secondHtml, "A named worker after 21.");

        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        var html = await clash.Content.ReadAsStringAsync();
        Assert.Contains("Both versions are shown", html);
        Assert.Contains("Deposits for a first flat.", html);
        Assert.Contains("A named worker after 21.", html);
        var stored = await cycle.StoredAsync(ConsulteeCycle.PatEmail);
        Assert.Equal("Deposits for a first flat.", Assert.Single(stored!.Content.Answers).Comment);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task An_api_put_with_if_none_match_star_is_refused_once_a_version_exists()
    {
        var cycle = await ConsulteeCycle.StartAsync(fixture.Host);
        using var first = new FormClient(fixture.Host);
        var (_, html) = await first.GetAsync($"/respond/{cycle.Pat}");
        (await PostAsync(first, $"/respond/{cycle.Pat}", html, "Deposits for a first flat.")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/responses/{cycle.Pat}")
        {
            Content = new StringContent("{\"answers\":[{\"pledge\":1,\"view\":\"agree\",\"comment\":\"Mine\"}],\"comments\":\"\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Deposits for a first flat.", Assert.Single((await cycle.StoredAsync(ConsulteeCycle.PatEmail))!.Content.Answers).Comment);
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string page, string html, string comment)
    {
        var fields = new Dictionary<string, string>(FormClient.Hidden(html))
        {
            ["Input.Pledges[0].View"] = "partly",
            ["Input.Pledges[0].Comment"] = comment,
            ["Input.Comments"] = "",
            ["Input.Action"] = "save",
        };
        using var form = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(page, form);
    }
}
