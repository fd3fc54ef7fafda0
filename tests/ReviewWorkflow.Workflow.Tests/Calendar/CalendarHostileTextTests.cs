using System.Text;
using ReviewWorkflow.Workflow.Calendar;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Tests.ForwardPlan;

namespace ReviewWorkflow.Workflow.Tests.Calendar;

/// <summary>Titles typed by a lead reach calendars: line breaks cannot end a property early (and so inject one), long
/// text is folded at 75 octets, and the text reads back as typed, on one line.</summary>
public sealed class CalendarHostileTextTests
{
    internal static readonly string Hostile =
        "<script>alert(1)</script>\r\nBEGIN:VEVENT\rUID:evil\nSUMMARY:injected; a, b \\ =HYPERLINK(\"https://evil.example\") " + new string('é', 3000);

    internal static string HostileFeed() =>
        CalendarFeed.Write(CycleCalendarItems.For(PlanCycles.Pledge(title: Hostile), CouncilSettings.Default), Hostile, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Every_physical_line_is_at_most_75_octets_and_no_line_break_is_bare()
    {
        var ics = HostileFeed();

        Assert.All(FeedText.PhysicalLines(ics), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        var withoutCrLf = ics.Replace("\r\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain('\r', withoutCrLf);
        Assert.DoesNotContain('\n', withoutCrLf);
    }

    [Fact]
    public void Injected_properties_stay_text_and_read_back_on_one_line()
    {
        var rows = FeedText.Parse(HostileFeed());

        Assert.Equal(9, rows.Count);
        Assert.DoesNotContain(rows, r => r.Uid == "evil");
        var cabinet = rows.Single(r => r.Uid == "cic-2027-meeting-1@reviewworkflow");
        Assert.StartsWith("Cabinet: <script>alert(1)</script> BEGIN:VEVENT UID:evil SUMMARY:injected; a, b \\ =HYPERLINK(", cabinet.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', cabinet.Summary);
        Assert.EndsWith("é…", cabinet.Summary, StringComparison.Ordinal);
    }
}
