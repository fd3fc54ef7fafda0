using System.Net;
using System.Net.Http.Json;
using System.Text;
using ReviewWorkflow.App.Development;

namespace ReviewWorkflow.App.Tests.Development;

/// <summary>The controllable clock in the running app: only in Development with the setting on; jumps; survives a restart.</summary>
public sealed class DevelopmentClockEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-clock-" + Guid.NewGuid().ToString("N"));

    private string ClockFile => DevelopmentClockApp.ClockFile(_folder);

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Testing", "true")]
    [InlineData("Development", "false")]
    public async Task Without_Development_and_the_setting_there_is_no_clock_endpoint_and_the_system_clock_is_used(string environment, string enabled)
    {
        await using var app = await StartAsync(environment, enabled);
        using var client = Client(app);

        using var response = await client.PostAsJsonAsync(DevelopmentClockExtensions.Path, new { now = DateTimeOffset.UtcNow.AddDays(30) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsNotType<ControllableClock>(app.Services.GetRequiredService<TimeProvider>());
        Assert.False(File.Exists(ClockFile));
    }

    [Fact]
    public async Task In_Development_a_post_jumps_the_app_clock_and_the_jump_survives_a_restart()
    {
        var target = DateTimeOffset.UtcNow.AddDays(45);
        await using (var app = await StartAsync("Development", "true"))
        {
            using var client = Client(app);
            using var response = await client.PostAsJsonAsync(DevelopmentClockExtensions.Path, new { now = target });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var time = app.Services.GetRequiredService<TimeProvider>();
            Assert.IsType<ControllableClock>(time);
            Assert.InRange(time.GetUtcNow(), target, target.AddMinutes(5));
        }

        await using var restarted = await StartAsync("Development", "true");
        Assert.InRange(restarted.Services.GetRequiredService<TimeProvider>().GetUtcNow(), target, target.AddMinutes(5));
    }

    [Theory]
    [InlineData("{ \"now\": \"not a date\" }")]
    [InlineData("{}")]
    [InlineData("[")]
    public async Task A_bad_request_is_a_problem_naming_now_and_leaves_the_clock_alone(string body)
    {
        await using var app = await StartAsync("Development", "true");
        using var client = Client(app);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(DevelopmentClockExtensions.Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"now\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, app.Services.GetRequiredService<ControllableClock>().Offset);
    }

    [Fact]
    public async Task A_jump_into_the_past_is_refused()
    {
        await using var app = await StartAsync("Development", "true");
        using var client = Client(app);
        using var forward = await client.PostAsJsonAsync(DevelopmentClockExtensions.Path, new { now = DateTimeOffset.UtcNow.AddDays(10) });
        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        var offset = app.Services.GetRequiredService<ControllableClock>().Offset;

        using var back = await client.PostAsJsonAsync(DevelopmentClockExtensions.Path, new { now = DateTimeOffset.UtcNow.AddDays(2) });

        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Equal(offset, app.Services.GetRequiredService<ControllableClock>().Offset);
    }

    private Task<WebApplication> StartAsync(string environment, string enabled) => DevelopmentClockApp.StartAsync(_folder, environment, enabled);

    private static HttpClient Client(WebApplication app) => DevelopmentClockApp.Client(app);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
