using System.Net;
using System.Text;
using System.Text.Json;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Authentication;

public sealed class AppServiceAuthenticationTests(ProductionHost production, DevelopmentHost development)
    : IClassFixture<ProductionHost>, IClassFixture<DevelopmentHost>
{
    private static string Principal(params (string Type, string Value)[] claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
    })));

    private static HttpRequestMessage With(string path, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", header);
        return request;
    }

    [Fact]
    public async Task App_role_claim_grants_the_role()
    {
        var header = Principal(("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "hannah.wright@council.example"), ("roles", "Lead"));

        using var lead = await production.Host.Client.SendAsync(With("/api/probe/lead", header));
        using var clerk = await production.Host.Client.SendAsync(With("/api/probe/clerk", header));
        using var me = await production.Host.Client.SendAsync(With("/api/probe/me", header));

        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        Assert.Contains("hannah.wright@council.example", await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Configured_group_grants_the_role()
    {
        var header = Principal(("name", "Tom Baxter"), ("groups", "6f1c2a3b-0000-4000-8000-00000000c1e7"), ("groups", "another-group"));

        using var clerk = await production.Host.Client.SendAsync(With("/api/probe/clerk", header));
        using var admin = await production.Host.Client.SendAsync(With("/api/probe/admin", header));

        Assert.Equal(HttpStatusCode.OK, clerk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task Unknown_role_values_grant_nothing()
    {
        var header = Principal(("name", "Ravi Patel"), ("roles", "superuser"), ("roles", "leader"));

        using var response = await production.Host.Client.SendAsync(With("/api/probe/lead", header));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("eyJub3QiOiAiY2xhaW1zIn0=")] // {"not": "claims"}
    public async Task Malformed_header_is_401(string header)
    {
        using var response = await production.Host.Client.SendAsync(With("/api/probe/lead", header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Header_is_ignored_when_App_Service_Authentication_is_off()
    {
        using var response = await development.Host.Client.SendAsync(With("/api/probe/lead", Principal(("roles", "lead"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Parser_maps_roles_from_role_typ_and_ignores_case()
    {
        var principal = AppServicePrincipal.TryParse(Principal(("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "ADMIN")))!;

        var identity = principal.ToIdentity("aad", new Dictionary<string, string[]>());

        Assert.True(new System.Security.Claims.ClaimsPrincipal(identity).IsInRole("admin"));
    }
}
