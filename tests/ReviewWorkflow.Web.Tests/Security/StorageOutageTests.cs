using System.Net;
using System.Text.Json;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Security;

/// <summary>Storage that cannot answer (or whose tables do not exist yet, at a cold start) gives 503 + Retry-After,
/// never a 500: problem details on /api, a readable page elsewhere. Other storage errors are not disguised.</summary>
public class StorageOutageTests(DevelopmentHost fixture) : IClassFixture<DevelopmentHost>
{
    [Theory]
    [InlineData(0, "none")]
    [InlineData(503, "ServerBusy")]
    [InlineData(500, "InternalError")]
    [InlineData(404, "TableNotFound")]
    [InlineData(404, "QueueNotFound")]
    public async Task Api_answers_503_problem_details_with_Retry_After(int status, string code)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/probe/storage/{status}/{code}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_page_answers_503_with_a_readable_message()
    {
        using var response = await fixture.Host.Client.GetAsync("/probe/storage/0/none");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("The service is busy or starting up", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved from this request", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/probe/storage/unreachable")]
    [InlineData("/probe/storage/unreachable")]
    public async Task Storage_the_sdk_cannot_reach_after_its_retries_is_an_outage(string path)
    {
        using var response = await fixture.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(404, "ResourceNotFound")]
    [InlineData(409, "EntityAlreadyExists")]
    [InlineData(412, "UpdateConditionNotSatisfied")]
    public async Task Other_storage_errors_are_not_reported_as_an_outage(int status, string code)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/probe/storage/{status}/{code}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }
}
