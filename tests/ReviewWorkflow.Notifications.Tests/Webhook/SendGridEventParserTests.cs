using System.Text;
using ReviewWorkflow.Notifications.Webhook;

namespace ReviewWorkflow.Notifications.Tests.Webhook;

public sealed class SendGridEventParserTests
{
    [Fact]
    public void Parse_Batch_ReadsFieldsCategoriesAndCustomArgs()
    {
        var events = SendGridEventParser.Parse(Encoding.UTF8.GetBytes(SampleEvents.Batch));

        Assert.Equal(["processed", "delivered", "bounce", "spamreport"], events.Select(e => e.Event));
        var processed = events[0];
        Assert.Equal("sam.carer@carers.example", processed.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795251600), processed.Timestamp);
        Assert.Equal("ev-processed-1", processed.EventId);
        Assert.Equal("msg-abc-123.filter0001.16648.5515E0B88.0", processed.MessageId);
        Assert.Equal(["consultation-request"], processed.Categories);
        Assert.Equal(new Dictionary<string, string> { ["cycleId"] = "cyc-42", ["consulteeId"] = "con-7", ["requestId"] = "r-001" }, processed.CustomArgs);
        Assert.Equal(["consultation-request"], events[1].Categories);

        var bounce = events[2];
        Assert.Equal("bounce", bounce.Type);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.StartsWith("550 5.1.1", bounce.Reason);
    }

    [Fact]
    public void ToDeliveryProblem_BounceAndSpamReport_MapWithCycleAndConsultee()
    {
        var events = SendGridEventParser.Parse(Encoding.UTF8.GetBytes(SampleEvents.Batch));
        var problems = events.Select(e => e.ToDeliveryProblem()).OfType<DeliveryProblem>().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Equal(new DeliveryProblem("nobody@health.example", DeliveryProblemKind.Bounced, "550 5.1.1 The email account that you tried to reach does not exist.",
            DateTimeOffset.FromUnixTimeSeconds(1795251620), "cyc-42", "con-9", "r-002", "msg-def-456.filter0001", "ev-bounce-1"), problems[0]);
        Assert.Equal(DeliveryProblemKind.SpamReport, problems[1].Kind);
        Assert.Equal("con-11", problems[1].ConsulteeId);
    }

    [Theory]
    [InlineData("""{"event":"dropped","email":"a@b.example","timestamp":1,"reason":"Bounced Address"}""", DeliveryProblemKind.Dropped)]
    [InlineData("""{"event":"bounce","type":"blocked","email":"a@b.example","timestamp":1,"reason":"blocked"}""", DeliveryProblemKind.Blocked)]
    public void ToDeliveryProblem_DroppedAndBlocked(string json, DeliveryProblemKind kind)
    {
        var problem = SendGridEventParser.Parse(Encoding.UTF8.GetBytes($"[{json}]"))[0].ToDeliveryProblem();
        Assert.Equal(kind, problem?.Kind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"event\":\"delivered\"}")]
    [InlineData("[1,2]")]
    [InlineData("[{\"event\":\"delivered\",\"timestamp\":1}]")]
    [InlineData("[{\"email\":\"a@b.example\",\"event\":\"delivered\"}]")]
    [InlineData("[{\"email\":\"a@b.example\",\"event\":\"delivered\",\"timestamp\":\"yesterday\"}]")]
    public void Parse_Malformed_ThrowsFormatException(string body)
        => Assert.Throws<SendGridEventFormatException>(() => SendGridEventParser.Parse(Encoding.UTF8.GetBytes(body)));
}
