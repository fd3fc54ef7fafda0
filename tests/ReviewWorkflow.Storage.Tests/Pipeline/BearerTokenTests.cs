using System.Net;
using Azure.Core;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Pipeline;

public sealed class BearerTokenTests
{
    private sealed class FakeCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("fictional-token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task Table_requests_use_a_bearer_token_for_the_storage_scope()
    {
        var credential = new FakeCredential();
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.OK, "{\"value\":[]}"));
        var connection = StorageConnection.FromServiceUris(
            new Uri("https://cheshirecouncil.table.core.windows.net"), new Uri("https://cheshirecouncil.queue.core.windows.net"), credential);
        var tables = new TableServiceClient(connection, handler.Options());

        Assert.True(await tables.PingAsync());
        await tables.GetTableClient("reviews").QueryPageAsync();

        Assert.All(handler.Requests, r => Assert.Equal("Bearer fictional-token-123", r.Headers.Authorization?.ToString()));
        Assert.Equal("https://cheshirecouncil.table.core.windows.net/Tables?$top=1", handler.Requests[0].RequestUri!.AbsoluteUri);
        Assert.Equal("https://cheshirecouncil.table.core.windows.net/reviews()", handler.Requests[1].RequestUri!.AbsoluteUri);
        Assert.True(handler.Requests[1].Headers.Contains("x-ms-date"));
        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
    }

    [Fact]
    public async Task Queue_requests_use_a_bearer_token()
    {
        var credential = new FakeCredential();
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.OK, "<EnumerationResults/>"));
        var connection = StorageConnection.FromServiceUris(
            new Uri("https://cheshirecouncil.table.core.windows.net"), new Uri("https://cheshirecouncil.queue.core.windows.net/"), credential);

        Assert.True(await new QueueServiceClient(connection, handler.Options()).PingAsync());

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer fictional-token-123", request.Headers.Authorization?.ToString());
        Assert.Equal("https://cheshirecouncil.queue.core.windows.net/?comp=list&maxresults=1", request.RequestUri!.AbsoluteUri);
    }
}
