using System.Diagnostics;
using System.Text.Json;
using ReviewWorkflow.Testing;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Tests.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>The feed is read the same by a second, independent parser: ical.js (an npm devDependency, installed by
/// <c>npm ci</c>), run by Node on the feed through <c>parse-ics.mjs</c>.</summary>
public sealed class SecondParserTests
{
    private static async Task<List<FeedText.Row>> IcalJsAsync(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rw-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var script = Path.Combine(Azurite.RepositoryRoot(), "tests", "ReviewWorkflow.Workflow.Tests", "Calendar", "parse-ics.mjs");
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(file);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"node parse-ics.mjs failed ({node.ExitCode}): {await errors}");
            var rows = JsonSerializer.Deserialize<List<JsonElement>>(await output)!;
            return [.. rows.Select(r => new FeedText.Row(r.GetProperty("uid").GetString()!, r.GetProperty("summary").GetString()!, r.GetProperty("start").GetString()!, r.GetProperty("status").GetString()!))];
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Icaljs_reads_the_same_events_as_IcalNet()
    {
        var ics = CalendarFeed.Write(CycleCalendarItems.For(PlanCycles.Pledge(), CouncilSettings.Default), "Pledge", DateTimeOffset.UnixEpoch);

        var second = await IcalJsAsync(ics);

        Assert.Equal(9, second.Count);
        Assert.Equal(FeedText.Parse(ics), second);
    }

    [Fact]
    public async Task Icaljs_reads_hostile_titles_as_IcalNet_does()
    {
        var ics = CalendarHostileTextTests.HostileFeed();

        var second = await IcalJsAsync(ics);

        Assert.Equal(FeedText.Parse(ics), second);
        Assert.DoesNotContain(second, r => r.Uid == "evil");
    }
}
