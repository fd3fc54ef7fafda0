using Microsoft.Extensions.Logging.Abstractions;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Notifications.Tests.Infrastructure;

namespace ReviewWorkflow.Notifications.Tests.Outbox;

public sealed class LocalOutboxEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rw-outbox-tests-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    private string Folder => Path.Combine(_root, "a", "outbox");

    private LocalOutboxEmailSender Create() => new(Folder, _time, NullLogger<LocalOutboxEmailSender>.Instance);

    [Fact]
    public async Task SendAsync_WritesJsonHtmlAndTextFiles_AndListReturnsTheMessageWithItsLinks()
    {
        var outbox = Create();

        var result = await outbox.SendAsync(Messages.ConsultationRequest());

        var files = Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        var id = result.ProviderMessageId!;
        Assert.Equal([id + ".html", id + ".json", id + ".txt"], files);
        Assert.StartsWith("<p>Hello Sam,</p>", await File.ReadAllTextAsync(Path.Combine(Folder, result.ProviderMessageId + ".html")));

        var message = Assert.Single(await outbox.ListAsync());
        Assert.Equal(result.ProviderMessageId, message.Id);
        Assert.Equal("sam.carer@carers.example", message.To);
        Assert.Equal("Sam Okafor", message.ToName);
        Assert.Equal("Have your say: Children in Care Pledge 2027", message.Subject);
        Assert.Equal(_time.GetUtcNow(), message.SentAt);
        Assert.Equal("cyc-42", message.CustomArgs["cycleId"]);
        Assert.Equal(["https://reviews.council.example/respond/abc123?x=1&y=2"], message.Links);
        var found = await outbox.FindAsync(message.Id);
        Assert.Equal(message.Subject, found?.Subject);
        Assert.Equal(message.Links, found?.Links);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("/etc/passwd")]
    public async Task SendAsync_HostileSubjectAndName_CannotEscapeTheFolder(string hostile)
    {
        var outbox = Create();

        await outbox.SendAsync(Messages.ConsultationRequest() with
        {
            Subject = hostile,
            To = new("sam.carer@carers.example", hostile),
            IdempotencyKey = hostile,
            CustomArgs = new Dictionary<string, string> { [hostile] = hostile },
        });

        var everything = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        Assert.Equal(3, everything.Length);
        Assert.All(everything, f => Assert.Equal(Folder, Path.GetDirectoryName(f)));
        Assert.Equal(hostile, Assert.Single(await outbox.ListAsync()).Subject);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("20261122T093000000Z-00000000000000000000000000000000/../x")]
    public async Task FindAsync_IdThatIsNotAnOutboxId_ReturnsNull(string id)
        => Assert.Null(await Create().FindAsync(id));

    [Fact]
    public async Task SendAsync_Concurrently_KeepsEveryMessage()
    {
        var outbox = Create();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => outbox.SendAsync(Messages.ConsultationRequest($"k-{i}")))));

        Assert.Equal(20, (await outbox.ListAsync()).Count);
    }

    [Fact]
    public async Task ListAsync_NoFolderYet_IsEmpty() => Assert.Empty(await Create().ListAsync());

    [Fact]
    public void LinkExtractor_FindsHttpAndHttpsOnly_TrimsPunctuation_DecodesHtml()
    {
        var links = LinkExtractor.Extract(
            "See https://reviews.council.example/a. Or (http://reviews.council.example/b), not ftp://x.example/c or javascript:alert(1).",
            "<a href='https://reviews.council.example/c?p=1&amp;q=2'>c</a> <a href=\"https://reviews.council.example/a\">again</a>");

        Assert.Equal(["https://reviews.council.example/a", "http://reviews.council.example/b", "https://reviews.council.example/c?p=1&q=2"], links);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
