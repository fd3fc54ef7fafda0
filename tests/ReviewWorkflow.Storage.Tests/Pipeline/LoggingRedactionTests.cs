using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using Azure.Core;
using Azure.Core.Diagnostics;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Storage.Tests.Support;

namespace ReviewWorkflow.Storage.Tests.Pipeline;

public sealed class LoggingRedactionTests
{
    /// <summary>Stands in for a SAS: appends a signature query parameter before the logging policy runs.</summary>
    private sealed class AppendSignaturePolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (!message.Request.Uri.Query.Contains("sig=", StringComparison.Ordinal))
            {
                message.Request.Uri.AppendQuery("sig", "fictionalSignatureValue");
            }
        }
    }

    [Fact]
    public void Options_log_only_harmless_headers_and_query_parameters()
    {
        var options = StoragePipelineFactory.CreateClientOptions(new StorageOptions(), forPing: false);

        Assert.DoesNotContain("Authorization", options.Diagnostics.LoggedHeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("sig", options.Diagnostics.LoggedQueryParameters, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("popreceipt", options.Diagnostics.LoggedQueryParameters, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("$filter", options.Diagnostics.LoggedQueryParameters, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logs_redact_signatures_pop_receipts_and_never_see_the_authorization_header()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((e, message) => logs.Enqueue(message), EventLevel.Verbose);
        var handler = new FakeHandler((_, _) => FakeHandler.Respond(HttpStatusCode.NoContent));
        var options = handler.Options();
        options.AdditionalPolicies.Add(new AppendSignaturePolicy());
        var queue = new QueueServiceClient(StorageConnection.Parse("UseDevelopmentStorage=true"), options).GetQueueClient("redaction-check");

        await queue.DeleteMessageAsync("msg-1", "fictionalPopReceipt");

        var text = string.Join("\n", logs);
        Assert.Contains("redaction-check", text, StringComparison.Ordinal);
        Assert.Contains("REDACTED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fictionalSignatureValue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fictionalPopReceipt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey ", text, StringComparison.Ordinal);
        Assert.NotNull(handler.Requests[0].Headers.Authorization);
    }
}
