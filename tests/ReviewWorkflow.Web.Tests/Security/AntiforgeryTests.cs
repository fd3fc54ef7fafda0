using System.Net;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Security;

public sealed class AntiforgeryTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    [Fact]
    public async Task Form_post_without_a_token_gets_a_readable_400_and_changes_nothing()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "lead@council.example" });
        using var response = await fixture.Host.Client.PostAsync("/dev/sign-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your form could not be sent", html);
        Assert.Contains("Nothing was saved", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rw-dev-user", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Form_post_with_the_token_works()
    {
        var cookies = new CookieContainer();
        using var client = fixture.Host.NewClient(cookies);
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/dev/sign-in"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "lead@council.example", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/dev/sign-in", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "rw-dev-user");
    }

    [Fact]
    public async Task Every_form_on_the_sign_in_page_carries_a_token()
    {
        var html = await fixture.Host.Client.GetStringAsync("/dev/sign-in");

        var forms = html.Split("<form").Skip(1).ToList();
        Assert.True(forms.Count >= 2);
        Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f.Split("</form>")[0]));
    }
}
