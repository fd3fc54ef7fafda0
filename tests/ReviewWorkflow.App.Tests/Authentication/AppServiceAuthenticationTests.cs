using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.App.Authentication;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Authentication;

public class AppServiceAuthenticationTests
{
    // As App Service Authentication sends it for a Microsoft Entra ID sign-in with app roles.
    private const string PrincipalJson = """
        {"auth_typ":"aad","claims":[
          {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","val":"sam.lead@council.example"},
          {"typ":"name","val":"Sam Lead"},
          {"typ":"preferred_username","val":"sam.lead@council.example"},
          {"typ":"roles","val":"Lead"},
          {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"clerk"}],
         "name_typ":"preferred_username","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
        """;

    private static string Header => Convert.ToBase64String(Encoding.UTF8.GetBytes(PrincipalJson));

    [Fact]
    public void Client_principal_becomes_a_claims_principal_with_name_and_roles()
    {
        var principal = AppServicePrincipal.TryParse(Header)!.ToClaimsPrincipal();

        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal("aad", principal.Identity.AuthenticationType);
        Assert.Equal("sam.lead@council.example", principal.Identity.Name);
        Assert.True(principal.IsInRole(Roles.Lead));
        Assert.True(principal.IsInRole(Roles.Clerk));
        Assert.False(principal.IsInRole(Roles.Admin));
        Assert.Equal("Sam Lead", principal.FindFirstValue("name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void Malformed_header_is_not_a_principal(string header) => Assert.Null(AppServicePrincipal.TryParse(header));

    [Theory]
    [InlineData("True", true)]
    [InlineData(null, false)]
    public async Task The_header_is_trusted_only_behind_App_Service_Authentication(string? websiteAuthEnabled, bool signedIn)
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            [AuthenticationExtensions.WebsiteAuthEnabledKey] = websiteAuthEnabled,
        });
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers[AppServicePrincipal.HeaderName] = Header;

        var result = await context.AuthenticateAsync();

        Assert.Equal(signedIn, result.Succeeded);
        if (signedIn)
        {
            Assert.True(result.Principal!.IsInRole(Roles.Lead));
        }
    }
}
