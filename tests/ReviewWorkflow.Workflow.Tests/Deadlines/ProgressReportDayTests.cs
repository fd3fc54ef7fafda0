using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Monitoring;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Deadlines;

/// <summary>Issue 17, point 8: a progress report never falls due on a weekend or bank holiday (next working day).</summary>
public sealed class ProgressReportDayTests
{
    // Adopted Thursday 13 May 2027: six months on is Saturday 13 November 2027, twelve months Saturday 13 May 2028.
    private static readonly DateOnly Adopted = new(2027, 5, 13);

    [Fact]
    public void The_monitoring_plan_moves_a_weekend_due_date_to_the_monday()
    {
        var reports = MonitoringPlan.ProgressReports(RutlandLikeCycle.Definition, CouncilSettings.Default, Adopted);

        Assert.Equal(new DateOnly(2027, 11, 15), reports[0].Due);
        Assert.Equal(new DateOnly(2028, 5, 15), reports[1].Due);
        Assert.All(reports, r => Assert.True(ClearDays.IsWorkingDay(r.Due, CouncilSettings.Default), $"{r.Due} is not a working day"));
    }

    [Fact]
    public void The_schedule_shows_the_same_working_days()
    {
        var schedule = CycleSchedule.Compute(RutlandLikeCycle.Definition, CouncilSettings.Default, Adopted);

        Assert.Equal(new DateOnly(2027, 11, 15), schedule.ProgressReports[0]);
        Assert.All(schedule.ProgressReports, d => Assert.True(ClearDays.IsWorkingDay(d, CouncilSettings.Default), $"{d} is not a working day"));
    }
}
