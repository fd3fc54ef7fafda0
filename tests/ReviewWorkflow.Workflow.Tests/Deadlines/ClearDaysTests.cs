using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.Tests.Deadlines;

public class ClearDaysTests
{
    private static readonly CouncilSettings Cautious = CouncilSettings.Default;
    private static readonly CouncilSettings WeekendsCount = new() { WeekendsCount = true };
    private static readonly CouncilSettings EverythingCounts = new() { WeekendsCount = true, BankHolidaysCount = true };

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void CountClearDays_ExcludesBothEnds_AndWeekendsByDefault()
    {
        // Mon 2 March 2026 → Mon 9 March 2026: Tue-Fri are clear, the weekend is not.
        Assert.Equal(4, ClearDays.CountClearDays(D(2026, 3, 2), D(2026, 3, 9), Cautious));
        Assert.Equal(6, ClearDays.CountClearDays(D(2026, 3, 2), D(2026, 3, 9), WeekendsCount));
    }

    [Fact]
    public void CountClearDays_AdjacentOrReversedDays_IsZero()
    {
        Assert.Equal(0, ClearDays.CountClearDays(D(2026, 3, 2), D(2026, 3, 3), EverythingCounts));
        Assert.Equal(0, ClearDays.CountClearDays(D(2026, 3, 9), D(2026, 3, 2), EverythingCounts));
    }

    [Fact]
    public void CountClearDays_EasterWeek_SkipsGoodFridayAndEasterMonday()
    {
        // Mon 30 March → Thu 9 April 2026: 31 Mar, 1 Apr, 2 Apr, 7 Apr, 8 Apr.
        Assert.Equal(5, ClearDays.CountClearDays(D(2026, 3, 30), D(2026, 4, 9), Cautious));
        Assert.Equal(7, ClearDays.CountClearDays(D(2026, 3, 30), D(2026, 4, 9), new CouncilSettings { BankHolidaysCount = true }));
    }

    [Fact]
    public void LatestPublicationDate_OrdinaryThursdayMeeting_IsWednesdayOfTheWeekBefore() =>
        Assert.Equal(D(2026, 3, 4), ClearDays.LatestPublicationDate(D(2026, 3, 12), Cautious));

    [Fact]
    public void LatestPublicationDate_WeekendsCount_IsSixCalendarDaysBefore() =>
        Assert.Equal(D(2026, 3, 6), ClearDays.LatestPublicationDate(D(2026, 3, 12), WeekendsCount));

    [Fact]
    public void LatestPublicationDate_MondayMeeting_MovesOffTheSundayToFriday()
    {
        // Five clear days back from Mon 16 March 2026 are 9-13 March, so Sun 8 March would do; nobody publishes then.
        Assert.Equal(D(2026, 3, 6), ClearDays.LatestPublicationDate(D(2026, 3, 16), Cautious));
    }

    [Fact]
    public void LatestPublicationDate_AfterEaster2026_GoesBackOverTheLongWeekend()
    {
        Assert.Equal(D(2026, 3, 30), ClearDays.LatestPublicationDate(D(2026, 4, 9), Cautious));
        Assert.Equal(D(2026, 4, 1), ClearDays.LatestPublicationDate(D(2026, 4, 9), new CouncilSettings { BankHolidaysCount = true }));
    }

    [Fact]
    public void LatestPublicationDate_FirstWeekOf2027_IsChristmasEve2026()
    {
        // Wed 6 Jan 2027: clear days 29, 30, 31 Dec, 4, 5 Jan; Mon 28 Dec (Boxing Day substitute) and Fri 25 Dec are holidays.
        Assert.Equal(D(2026, 12, 24), ClearDays.LatestPublicationDate(D(2027, 1, 6), Cautious));
        Assert.Equal(D(2026, 12, 31), ClearDays.LatestPublicationDate(D(2027, 1, 6), EverythingCounts));
    }

    [Fact]
    public void KeyDecisionNoticeDate_Cabinet2March2027_Is28WorkingDaysBefore()
    {
        Assert.Equal(D(2027, 1, 20), ClearDays.KeyDecisionNoticeDate(D(2027, 3, 2), Cautious));
        Assert.Equal(28, ClearDays.CountClearDays(D(2027, 1, 20), D(2027, 3, 2), Cautious));
    }

    [Fact]
    public void KeyDecisionNoticeDate_WeekendsCount_Is29CalendarDaysBefore() =>
        Assert.Equal(D(2027, 2, 1), ClearDays.KeyDecisionNoticeDate(D(2027, 3, 2), EverythingCounts));

    [Fact]
    public void KeyDecisionNoticeDate_OverEaster2027_SkipsGoodFridayAndEasterMonday() =>
        Assert.Equal(D(2027, 3, 8), ClearDays.KeyDecisionNoticeDate(D(2027, 4, 20), Cautious));

    [Fact]
    public void KeyDecisionNoticeDate_OverChristmas2026_SkipsThreeBankHolidays()
    {
        // Thu 4 Feb 2027: 28 working days back passes 1 Jan 2027, 28 Dec and 25 Dec 2026.
        var notice = ClearDays.KeyDecisionNoticeDate(D(2027, 2, 4), Cautious);
        Assert.Equal(D(2026, 12, 22), notice);
        Assert.Equal(28, ClearDays.CountClearDays(notice, D(2027, 2, 4), Cautious));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void LatestDayBefore_EveryMeetingIn2026And2027_LeavesEnoughClearDaysAndIsTheLatestSuchDay(bool weekends, bool holidays)
    {
        var settings = new CouncilSettings { WeekendsCount = weekends, BankHolidaysCount = holidays };
        for (var meeting = D(2026, 1, 1); meeting <= D(2027, 12, 31); meeting = meeting.AddDays(1))
        {
            foreach (var clear in new[] { 5, 28 })
            {
                var publish = ClearDays.LatestDayBefore(meeting, clear, settings);
                Assert.True(ClearDays.CountClearDays(publish, meeting, settings) >= clear, $"{meeting}: {publish}");
                Assert.True(ClearDays.Counts(publish, settings), $"{meeting}: publishing on {publish}, a day that does not count");
                var later = publish.AddDays(1);
                while (!ClearDays.Counts(later, settings))
                {
                    later = later.AddDays(1);
                }

                Assert.True(ClearDays.CountClearDays(later, meeting, settings) < clear, $"{meeting}: {later} would also do");
            }
        }
    }

    [Fact]
    public void EarliestMeetingAfter_IsTheInverseOfLatestPublication()
    {
        // Published Wed 4 March 2026: five clear working days are 5, 6, 9, 10, 11 March, so the meeting can be Thu 12 March.
        Assert.Equal(D(2026, 3, 12), ClearDays.EarliestMeetingAfter(D(2026, 3, 4), 5, Cautious));
    }

    [Fact]
    public void OnOrBeforeWorkingDay_BoxingDaySubstitute2026_IsChristmasEve() =>
        Assert.Equal(D(2026, 12, 24), ClearDays.OnOrBeforeWorkingDay(D(2026, 12, 28), Cautious));
}
