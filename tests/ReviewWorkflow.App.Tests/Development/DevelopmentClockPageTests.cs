using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ReviewWorkflow.App.Development;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.App.Tests.Development;

/// <summary>The <c>/dev/clock</c> page: only with the clock on; moves it forward to midday of a day; readable errors
/// that change nothing; the JSON twin still answers scripts on the same path.</summary>
public sealed partial class DevelopmentClockPageTests : IDisposable
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-clock-page-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Testing", "true")]
    [InlineData("Development", "false")]
    public async Task Without_the_clock_the_page_is_404_for_a_get_and_a_form_post(string environment, string enabled)
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, environment, enabled);
        using var client = DevelopmentClockApp.Client(app);

        using var get = await client.GetAsync(DevelopmentClockExtensions.Path);
        using var post = await client.PostAsync(DevelopmentClockExtensions.Path, Form(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), token: null));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(File.Exists(DevelopmentClockApp.ClockFile(_folder)));
    }

    [Fact]
    public async Task The_page_shows_today_and_moves_the_clock_to_midday_council_time_on_the_day_chosen()
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true");
        using var client = DevelopmentClockApp.Client(app, new CookieContainer());
        var clock = app.Services.GetRequiredService<ControllableClock>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

        var (html, token) = await GetPageAsync(client);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Move the clock</h1>", html, StringComparison.Ordinal);
        Assert.Contains(today.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("id=\"dev-clock-link\"", html, StringComparison.Ordinal);

        var day = today.AddDays(40);
        using var moved = await client.PostAsync(DevelopmentClockExtensions.Path, Form(day, token));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/dev/clock?moved=True", moved.Headers.Location?.OriginalString);
        var midday = day.ToDateTime(new TimeOnly(12, 0));
        var expected = new DateTimeOffset(midday, London.GetUtcOffset(midday));
        Assert.InRange(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), expected, expected.AddMinutes(5));
        using var after = await client.GetAsync("/dev/clock?moved=True");
        Assert.Contains($"Today is now {day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "", "Enter the date to move the clock to")]
    [InlineData("31", "2", "2027", "The date must be a real date")]
    [InlineData("1", "1", "2020", "the clock only moves forward")]
    public async Task A_bad_date_shows_the_error_summary_and_leaves_the_clock_alone(string day, string month, string year, string message)
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true");
        using var client = DevelopmentClockApp.Client(app, new CookieContainer());
        var (_, token) = await GetPageAsync(client);

        using var response = await client.PostAsync(DevelopmentClockExtensions.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Date.Day"] = day,
            ["Date.Month"] = month,
            ["Date.Year"] = year,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Move the clock", html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Date\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, app.Services.GetRequiredService<ControllableClock>().Offset);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_moves_nothing()
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true");
        using var client = DevelopmentClockApp.Client(app, new CookieContainer());
        await GetPageAsync(client);

        using var response = await client.PostAsync(DevelopmentClockExtensions.Path, Form(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, app.Services.GetRequiredService<ControllableClock>().Offset);
    }

    [Fact]
    public async Task A_script_asking_for_JSON_on_the_same_path_still_gets_the_clock_as_JSON()
    {
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true");
        using var client = DevelopmentClockApp.Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, DevelopmentClockExtensions.Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var state = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.True(state!.ContainsKey("now"));
    }

    [Fact]
    public async Task The_controllable_clock_runs_on_the_clock_a_host_registered_before_it()
    {
        var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var shifted = new ShiftedClock(start);
        await using var app = await DevelopmentClockApp.StartAsync(_folder, "Development", "true", b => b.Services.AddSingleton<TimeProvider>(shifted));
        var time = app.Services.GetRequiredService<TimeProvider>();
        Assert.IsType<ControllableClock>(time);
        Assert.InRange(time.GetUtcNow(), start, start.AddMinutes(5));

        var meeting = new DateTimeOffset(2026, 4, 1, 11, 0, 0, TimeSpan.Zero);
        Assert.True(app.Services.GetRequiredService<ControllableClock>().TryJumpTo(meeting));

        Assert.InRange(time.GetUtcNow(), meeting, meeting.AddMinutes(5));
        Assert.InRange(shifted.GetUtcNow(), start, start.AddMinutes(5));
    }

    private static FormUrlEncodedContent Form(DateOnly day, string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["Date.Day"] = day.Day.ToString(CultureInfo.InvariantCulture),
            ["Date.Month"] = day.Month.ToString(CultureInfo.InvariantCulture),
            ["Date.Year"] = day.Year.ToString(CultureInfo.InvariantCulture),
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task<(string Html, string Token)> GetPageAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DevelopmentClockExtensions.Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return (html, token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
