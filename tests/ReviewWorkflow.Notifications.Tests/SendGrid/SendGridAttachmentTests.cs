using System.Text;
using System.Text.Json;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Notifications.Tests.SendGrid;

public sealed class SendGridAttachmentTests
{
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_attachment_goes_to_SendGrid_base64_with_its_name_and_type()
    {
        await using var server = await LocalHttpServer.StartAsync((_, _, response) => SendGridSenderFixture.Accepted(response));
        await using var fixture = SendGridSenderFixture.Create(server.BaseAddress, _time);
        const string Ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";

        await fixture.Sender.SendAsync(Messages.ConsultationRequest() with
        {
            Attachments = [new EmailAttachment("meeting.ics", "text/calendar; charset=utf-8; method=REQUEST", Ics)],
        });

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var attachment = Assert.Single(json.RootElement.GetProperty("attachments").EnumerateArray().ToArray());
        Assert.Equal("meeting.ics", attachment.GetProperty("filename").GetString());
        Assert.Equal("text/calendar; charset=utf-8; method=REQUEST", attachment.GetProperty("type").GetString());
        Assert.Equal(Ics, Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
    }
}
