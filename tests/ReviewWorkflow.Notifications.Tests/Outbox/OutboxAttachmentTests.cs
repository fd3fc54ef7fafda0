using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Notifications.Tests.Infrastructure;

namespace ReviewWorkflow.Notifications.Tests.Outbox;

/// <summary>Attachments (calendar invitations) in the local outbox, and the names they may have.</summary>
public sealed class OutboxAttachmentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-outbox-attach-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_ics_attachment_is_kept_with_the_message()
    {
        var outbox = new LocalOutboxEmailSender(_folder, _time, NullLogger<LocalOutboxEmailSender>.Instance);
        var message = Messages.ConsultationRequest() with
        {
            Attachments = [new EmailAttachment("meeting.ics", "text/calendar; charset=utf-8; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")],
        };

        await outbox.SendAsync(message);

        var attachment = Assert.Single(Assert.Single(await outbox.ListAsync()).Attachments!);
        Assert.Equal("meeting.ics", attachment.FileName);
        Assert.Equal("text/calendar; charset=utf-8; method=REQUEST", attachment.ContentType);
        Assert.Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", attachment.Content);
    }

    [Theory]
    [InlineData("../meeting.ics")]
    [InlineData("meeting ics")]
    [InlineData("")]
    public void An_attachment_name_that_could_steer_a_path_or_a_header_is_refused(string name)
    {
        var message = Messages.ConsultationRequest() with { Attachments = [new EmailAttachment(name, "text/calendar", "x")] };

        Assert.Throws<ArgumentException>(() => EmailValidation.Validate(message));
    }

    [Fact]
    public void A_content_type_with_a_line_break_is_refused()
    {
        var message = Messages.ConsultationRequest() with { Attachments = [new EmailAttachment("meeting.ics", "text/calendar\r\nBcc: x@evil.example", "x")] };

        Assert.Throws<ArgumentException>(() => EmailValidation.Validate(message));
    }
}
