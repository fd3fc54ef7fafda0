using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReviewWorkflow.App.Functions;
using ReviewWorkflow.App.Tests.Infrastructure;
using ReviewWorkflow.Durable;
using ReviewWorkflow.Durable.Store;
using ReviewWorkflow.Storage;
using ReviewWorkflow.Storage.Queues;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Functions;

/// <summary>The app as the Functions host drives it: ping, queue invocations (orchestration progress), timer, forwarding.</summary>
public class CustomHandlerProtocolTests
{
    [Fact]
    public async Task Ping_GET_root_answers_and_the_embedded_dispatcher_is_off()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            using var response = await app.Client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(app.Services.GetRequiredService<IOptions<DurableOptions>>().Value.EnableDispatcher);
            Assert.Contains(":" + app.Address.Port, app.Address.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Queue_invocations_as_the_host_sends_them_run_an_orchestration_to_completion(bool documentedShape)
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            var client = app.Services.GetRequiredService<ReviewWorkflow.Durable.DurableTaskClient>();
            await app.Services.GetRequiredService<IDurableStore>().InitializeAsync();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(CustomHandlerApp.Orchestration, "Care Leavers Forum");
            var control = await CustomHandlerApp.QueueAsync(hub + "-control");
            var workItems = await CustomHandlerApp.QueueAsync(hub + "-workitems");

            var answered = new List<string>();
            for (var round = 0; round < 40; round++)
            {
                var status = (await client.GetInstanceAsync(id))!.RuntimeStatus;
                if (status == OrchestrationRuntimeStatus.Completed)
                {
                    break;
                }

                var delivered = await DeliverAsync(app, control, FunctionNames.DurableControl, answered, documentedShape)
                    + await DeliverAsync(app, workItems, FunctionNames.DurableWorkItems, answered, documentedShape);
                if (delivered == 0)
                {
                    await Task.Delay(100);
                }
            }

            var done = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
            Assert.Equal("Hello, Care Leavers Forum!", done.ReadOutputAs<string>());
            Assert.Contains(FunctionNames.DurableWorkItems, answered);
            Assert.Contains(FunctionNames.DurableControl, answered);
        }
    }

    [Fact]
    public async Task A_100_KB_activity_input_offloaded_by_the_store_completes_through_the_DurableWorkItems_trigger()
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            var client = app.Services.GetRequiredService<ReviewWorkflow.Durable.DurableTaskClient>();
            var store = app.Services.GetRequiredService<IDurableStore>();
            await store.InitializeAsync();
            var name = "Care Leavers Forum " + new string('x', 100 * 1024);
            var id = await client.ScheduleNewOrchestrationInstanceAsync(CustomHandlerApp.Orchestration, name);
            var control = await CustomHandlerApp.QueueAsync(hub + "-control");
            var workItems = await CustomHandlerApp.QueueAsync(hub + "-workitems");

            var answered = new List<string>();
            var activityTexts = new List<string>();
            for (var round = 0; round < 40 && (await client.GetInstanceAsync(id))!.RuntimeStatus != OrchestrationRuntimeStatus.Completed; round++)
            {
                var delivered = await DeliverAsync(app, control, FunctionNames.DurableControl, answered, documented: false)
                    + await DeliverAsync(app, workItems, FunctionNames.DurableWorkItems, answered, documented: false, activityTexts);
                if (delivered == 0)
                {
                    await Task.Delay(100);
                }
            }

            var done = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
            Assert.Equal($"Hello, {name}!", done.ReadOutputAs<string>());
            // The host delivered the store's reference, not the JSON: the trigger read the payload back and, once the
            // activity had run, the store deleted it with the message.
            Assert.StartsWith("@rw-payload:", Assert.Single(activityTexts), StringComparison.Ordinal);
            Assert.Empty(await store.GetPoisonAsync(10));
            Assert.Empty(await PayloadRowsAsync(hub));
            Assert.Equal(0, await workItems.GetApproximateMessageCountAsync());
        }
    }

    [Fact]
    public async Task A_malformed_work_item_is_set_aside_as_poison_and_deleted_from_its_queue()
    {
        var (app, hub) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            var store = app.Services.GetRequiredService<IDurableStore>();
            await store.InitializeAsync();
            var workItems = await CustomHandlerApp.QueueAsync(hub + "-workitems");
            await workItems.SendMessageAsync("this is not an activity work item");
            var message = Assert.Single(await workItems.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

            using var response = await HostProtocol.InvokeAsync(app.Client, FunctionNames.DurableWorkItems, HostProtocol.QueueInvocation(message, FunctionNames.DurableWorkItems));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Poison", body.RootElement.GetProperty("ReturnValue").GetProperty("outcome").GetString());
            var poison = Assert.Single(await store.GetPoisonAsync(10));
            Assert.Equal(message.MessageId, poison.MessageId);
            Assert.Equal(0, await workItems.GetApproximateMessageCountAsync());
        }
    }

    [Fact]
    public async Task A_work_item_that_fails_answers_non_2xx_so_the_host_retries_it()
    {
        // Storage that does not answer: the work item cannot be processed.
        var (app, _) = await CustomHandlerApp.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionStringFor(Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort()),
            ["Storage:MaxRetries"] = "0",
        }, storeReady: false);
        await using (app)
        {
            var message = new QueueMessage(Guid.NewGuid().ToString(), "AgAAAAMAAAAAAAAA", 1, "some-instance", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

            using var response = await HostProtocol.InvokeAsync(app.Client, FunctionNames.DurableControl, HostProtocol.QueueInvocation(message, FunctionNames.DurableControl));

            Assert.False(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
            Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
            Assert.Equal("Retry", body.RootElement.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        }
    }

    [Fact]
    public async Task Timer_invocation_runs_the_sweep_and_answers_objects()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            using var response = await HostProtocol.InvokeAsync(app.Client, FunctionNames.Sweep, HostProtocol.TimerInvocation(isPastDue: true));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
            Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("Logs")[0].ValueKind);
            var returnValue = body.RootElement.GetProperty("ReturnValue");
            Assert.Equal(JsonValueKind.Object, returnValue.ValueKind);
            Assert.Equal(0, returnValue.GetProperty("woke").GetInt32());
            Assert.True(returnValue.GetProperty("isPastDue").GetBoolean());
        }
    }

    [Fact]
    public async Task Forwarded_HTTP_request_reaches_the_app_pipeline()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            // enableForwardingHttpRequest: the host sends the public request unchanged (path, query, headers) plus its own headers.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health?probe=1");
            HostProtocol.AddHostHeaders(request);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7:50312");
            request.Headers.Add("X-ARR-LOG-ID", Guid.NewGuid().ToString());

            using var response = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_public_request_forwarded_to_a_trigger_path_is_refused()
    {
        var (app, _) = await CustomHandlerApp.StartAsync();
        await using (app)
        {
            var message = new QueueMessage("x", "y", 1, "{\"instanceId\":\"z\",\"executionId\":\"e\",\"taskId\":0,\"name\":\"SayHello\",\"input\":\"\\\"a\\\"\"}", null, null);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/" + FunctionNames.DurableWorkItems)
            {
                Content = System.Net.Http.Json.JsonContent.Create(HostProtocol.QueueInvocation(message, FunctionNames.DurableWorkItems)),
            };
            HostProtocol.AddHostHeaders(request);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7:50312");

            using var response = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("ReturnValue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>Receives what is visible on <paramref name="queue"/> and invokes the function with it, deleting the messages
    /// answered 2xx — what the host's queue listener does (a message already gone is ignored, as the host ignores it).</summary>
    private static async Task<int> DeliverAsync(RunningApp app, QueueClient queue, string function, List<string> answered, bool documented, List<string>? texts = null)
    {
        var messages = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));
        foreach (var message in messages)
        {
            texts?.Add(message.MessageText);
            using var response = await HostProtocol.InvokeAsync(app.Client, function, HostProtocol.QueueInvocation(message, function, documented));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{function} answered {(int)response.StatusCode}: {text}");
            using var body = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("ReturnValue").ValueKind);
            Assert.Equal("Completed", body.RootElement.GetProperty("ReturnValue").GetProperty("outcome").GetString());
            try
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (StorageRequestException e) when (e.IsNotFound)
            {
                // Completed through the store already (an offloaded payload); the host ignores MessageNotFound too.
            }

            answered.Add(function);
        }

        return messages.Count;
    }

    private static async Task<List<ReviewWorkflow.Storage.Tables.TableEntity>> PayloadRowsAsync(string hub)
    {
        var rows = new List<ReviewWorkflow.Storage.Tables.TableEntity>();
        await foreach (var e in new ReviewWorkflow.Storage.Tables.TableServiceClient(ReviewWorkflow.Storage.Configuration.StorageConnection.Parse(await Azurite.GetConnectionStringAsync())).GetTableClient(hub + "Payloads").QueryAsync())
        {
            rows.Add(e);
        }

        return rows;
    }
}
