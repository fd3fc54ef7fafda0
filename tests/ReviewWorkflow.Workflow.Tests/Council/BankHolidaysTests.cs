using ReviewWorkflow.Workflow.Council;

namespace ReviewWorkflow.Workflow.Tests.Council;

public class BankHolidaysTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void ForYear_2026_MatchesThePublishedList_WithBoxingDaySubstitute()
    {
        Assert.Equal(
            [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
            EnglandAndWalesBankHolidays.ForYear(2026));
    }

    [Fact]
    public void ForYear_2027_ChristmasOnSaturday_BothSubstitutesFollow()
    {
        Assert.Equal(
            [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28)],
            EnglandAndWalesBankHolidays.ForYear(2027));
    }

    [Fact]
    public void ForYear_2028_NewYearOnSaturday_MovesToMonday()
    {
        Assert.Equal(
            [D(2028, 1, 3), D(2028, 4, 14), D(2028, 4, 17), D(2028, 5, 1), D(2028, 5, 29), D(2028, 8, 28), D(2028, 12, 25), D(2028, 12, 26)],
            EnglandAndWalesBankHolidays.ForYear(2028));
    }

    [Fact]
    public void ForYear_2024_MatchesThePublishedList()
    {
        Assert.Equal(
            [D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27), D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26)],
            EnglandAndWalesBankHolidays.ForYear(2024));
    }

    [Fact]
    public void ForYear_2022_IncludesTheJubileeMoveAndTheOneOffs()
    {
        Assert.Equal(
            [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2), D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)],
            EnglandAndWalesBankHolidays.ForYear(2022));
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    public void EasterSunday_IsKnownDate(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), EnglandAndWalesBankHolidays.EasterSunday(year));

    [Fact]
    public void BuiltIn_Covers2024To2030_EightAYear_AllWeekdays()
    {
        var all = EnglandAndWalesBankHolidays.BuiltIn;
        Assert.Equal(56, all.Count);
        Assert.Equal(D(2024, 1, 1), all[0]);
        Assert.Equal(D(2030, 12, 26), all[^1]);
        Assert.All(all, d => Assert.True(d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, d.ToString()));
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void DefaultSettings_UseTheBuiltInList() =>
        Assert.Same(EnglandAndWalesBankHolidays.BuiltIn, CouncilSettings.Default.BankHolidays);
}
