using System.Net;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tables;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Pipeline;

public sealed class SigningTests
{
    private const string Date = "Mon, 05 Jan 2026 10:00:00 GMT";

    [Fact]
    public void Table_shared_key_lite_signs_date_and_path_style_resource_with_account_twice()
    {
        var s = SharedKeySigner.TableSharedKeyLiteStringToSign("devstoreaccount1", Date, "/devstoreaccount1/Tables", "?$top=1");

        Assert.Equal("Mon, 05 Jan 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", s);
    }

    [Fact]
    public void Table_shared_key_lite_keeps_encoded_entity_path_and_only_the_comp_parameter()
    {
        var entity = SharedKeySigner.TableSharedKeyLiteStringToSign(
            "cheshirecouncil", Date, "/reviews(PartitionKey='O''Brien%20%2B%25',RowKey='1')", "?$select=Name");
        var comp = SharedKeySigner.TableSharedKeyLiteStringToSign("cheshirecouncil", Date, "/", "?restype=service&comp=properties");

        Assert.Equal("Mon, 05 Jan 2026 10:00:00 GMT\n/cheshirecouncil/reviews(PartitionKey='O''Brien%20%2B%25',RowKey='1')", entity);
        Assert.Equal("Mon, 05 Jan 2026 10:00:00 GMT\n/cheshirecouncil/?comp=properties", comp);
    }

    [Fact]
    public void Table_shared_key_signs_verb_md5_content_type_date_and_resource()
    {
        var s = SharedKeySigner.TableSharedKeyStringToSign("POST", null, "application/json", Date, "devstoreaccount1", "/devstoreaccount1/Tables", null);

        Assert.Equal("POST\n\napplication/json\nMon, 05 Jan 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", s);
    }

    [Fact]
    public void Queue_shared_key_signs_standard_headers_sorted_ms_headers_and_sorted_decoded_query()
    {
        var s = SharedKeySigner.QueueSharedKeyStringToSign(
            "POST",
            120,
            "application/xml; charset=utf-8",
            null,
            [
                new("x-ms-version", "2019-02-02"),
                new("X-Ms-Date", Date),
                new("x-ms-client-request-id", "7d0e9a4c-0000-4000-8000-000000000001"),
                new("Content-Type", "application/xml; charset=utf-8"),
            ],
            "devstoreaccount1",
            "/devstoreaccount1/review-wakeups/messages",
            "?visibilitytimeout=0&messagettl=-1");

        Assert.Equal(
            "POST\n\n\n120\n\napplication/xml; charset=utf-8\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:7d0e9a4c-0000-4000-8000-000000000001\n" +
            "x-ms-date:Mon, 05 Jan 2026 10:00:00 GMT\n" +
            "x-ms-version:2019-02-02\n" +
            "/devstoreaccount1/devstoreaccount1/review-wakeups/messages\n" +
            "messagettl:-1\n" +
            "visibilitytimeout:0",
            s);
    }

    [Fact]
    public void Queue_shared_key_leaves_zero_content_length_empty_and_decodes_query_values()
    {
        var s = SharedKeySigner.QueueSharedKeyStringToSign(
            "DELETE", 0, null, null, [new("x-ms-date", Date), new("x-ms-version", "2019-02-02")],
            "cheshirecouncil", "/review-wakeups/messages/0f1e2d3c", "?PopReceipt=AgAAAA%2B%2Fw%3D%3D");

        Assert.Equal(
            "DELETE\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-date:Mon, 05 Jan 2026 10:00:00 GMT\nx-ms-version:2019-02-02\n" +
            "/cheshirecouncil/review-wakeups/messages/0f1e2d3c\npopreceipt:AgAAAA+/w==",
            s);
    }

    [Fact]
    public void Signature_is_base64_hmac_sha256_with_the_decoded_key()
    {
        var signature = SharedKeySigner.Sign(
            StorageConnection.DevelopmentAccountKey, "Mon, 05 Jan 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables");

        // Computed independently (Python hmac/hashlib) for the well-known Azurite key.
        Assert.Equal("eAXAMVHAtpDMVJeZj3RWb8tFBTLNt6+4IuAK8ZbXvHY=", signature);
    }

    [Fact]
    public async Task Table_requests_carry_a_shared_key_lite_header_over_the_sent_date_and_path()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.NoContent, null, ("ETag", "W/\"1\"")));
        var service = new TableServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"), handler.Options());

        await service.GetTableClient("reviews").AddEntityAsync(new TableEntity("p", "r"));

        var request = Assert.Single(handler.Requests);
        var date = request.Headers.GetValues("x-ms-date").Single();
        var expected = SharedKeySigner.Sign(
            StorageConnection.DevelopmentAccountKey, date + "\n/devstoreaccount1/devstoreaccount1/reviews");
        Assert.Equal("SharedKeyLite devstoreaccount1:" + expected, request.Headers.Authorization?.ToString());
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("3.0;NetFx", request.Headers.GetValues("DataServiceVersion").Single());
        Assert.Equal("3.0;NetFx", request.Headers.GetValues("MaxDataServiceVersion").Single());
        Assert.Equal("return-no-content", request.Headers.GetValues("Prefer").Single());
        Assert.Contains("odata=minimalmetadata", request.Headers.Accept.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_requests_carry_a_shared_key_header()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.Created));
        var service = new QueueServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"), handler.Options());

        await service.GetQueueClient("review-wakeups").CreateIfNotExistsAsync();

        var auth = Assert.Single(handler.Requests).Headers.Authorization;
        Assert.Equal("SharedKey", auth?.Scheme);
        Assert.StartsWith("devstoreaccount1:", auth?.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_requests_are_accepted_by_azurite_for_both_services()
    {
        var connection = ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await ReviewWorkflow.Testing.Azurite.GetConnectionStringAsync());

        Assert.True(await new TableServiceClient(connection).PingAsync());
        Assert.True(await new QueueServiceClient(connection).PingAsync());
    }
}
