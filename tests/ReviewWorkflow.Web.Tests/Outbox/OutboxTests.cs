using System.Net;
using System.Text.Json;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Web.Tests.Infrastructure;

namespace ReviewWorkflow.Web.Tests.Outbox;

public sealed class OutboxTests
{
    internal static async Task SendAsync(WebTestHost host, string subject, string text)
    {
        var sender = host.Services.GetRequiredService<IEmailSender>();
        await sender.SendAsync(new EmailMessage
        {
            To = new EmailRecipient("sam.okafor@carers.example", "Sam Okafor"),
            Subject = subject,
            TextBody = text,
            HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        });
    }

    [Fact]
    public async Task Page_lists_messages_with_working_links_and_shows_script_as_text()
    {
        await using var host = await WebTestHost.StartAsync();
        var link = new Uri(host.Address, "/respond/abc123").ToString();
        await SendAsync(host, "<script>alert('x')</script> Have your say on the pledge", $"Hello Sam,\nAnswer here: {link}\nThank you.");

        using var response = await host.Client.GetAsync("/outbox");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Have your say on the pledge", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains($"href=\"{link}\"", html);
        Assert.Contains("sam.okafor@carers.example", html);
        Assert.Contains("Answer here:", html);
    }

    [Fact]
    public async Task API_returns_to_subject_text_and_links()
    {
        await using var host = await WebTestHost.StartAsync();
        await SendAsync(host, "Reminder: the consultation closes on Friday", "Open http://127.0.0.1:7071/respond/tok-1 or https://council.example/help.");

        using var doc = JsonDocument.Parse(await host.Client.GetStringAsync("/api/outbox"));

        var message = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("sam.okafor@carers.example", message.GetProperty("to").GetString());
        Assert.Equal("Reminder: the consultation closes on Friday", message.GetProperty("subject").GetString());
        Assert.StartsWith("Open http://127.0.0.1:7071/respond/tok-1", message.GetProperty("text").GetString());
        Assert.Equal(["http://127.0.0.1:7071/respond/tok-1", "https://council.example/help"],
            message.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToArray());
    }

    [Fact]
    public async Task Empty_outbox_says_so()
    {
        await using var host = await WebTestHost.StartAsync();

        Assert.Contains("No messages yet", await host.Client.GetStringAsync("/outbox"));
        Assert.Equal("[]", await host.Client.GetStringAsync("/api/outbox"));
    }

    [Fact]
    public async Task Outbox_does_not_exist_outside_Development()
    {
        await using var host = await WebTestHost.StartAsync("Production");

        using var page = await host.Client.GetAsync("/outbox");
        using var api = await host.Client.GetAsync("/api/outbox");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
