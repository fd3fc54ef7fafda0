using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.ForwardPlan;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.ForwardPlan;

public sealed class ForwardPlanCsvTests
{
    private static readonly DateOnly Today = new(2027, 1, 10);

    private static string CsvOf(string title, KeyDecisionExceptionRecord? exception = null)
    {
        var cycle = PlanCycles.Pledge(title: title);
        var notice = ForwardPlanBuilder.Notice(UpcomingKeyDecision.Of(cycle, Today).Single(), Today, exception, CouncilSettings.Default, Today);
        return ForwardPlanCsv.Write(new ForwardPlanView(DateTimeOffset.UnixEpoch, [notice]));
    }

    [Fact]
    public void Header_is_the_documented_columns()
    {
        var header = CsvOf("Pledge").Split("\r\n")[0];

        Assert.Equal("reference,cycleId,matter,decisionMaker,decisionDate,firstPublished,noticeDueBy,clearDaysNotice,noticeStatus,exceptionReason,chairName,chairAgreedOn,documents,documentsPublishedBy,documentsAvailableFrom,private,leadName,leadEmail", header);
    }

    [Fact]
    public void A_formula_title_cannot_run_in_a_spreadsheet()
    {
        var rows = Csv.Parse(CsvOf("=HYPERLINK(\"https://evil.example\",\"Click\")"));

        var matter = rows[1][2];
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"Click\")", matter);
        Assert.Equal("on-time", rows[1][8]);
    }

    [Fact]
    public void Line_breaks_stay_inside_their_cell()
    {
        var rows = Csv.Parse(CsvOf("Pledge\r\nsecond line,with comma"));

        Assert.Equal(2, rows.Count);
        Assert.Equal("Pledge\r\nsecond line,with comma", rows[1][2]);
        Assert.Equal(ForwardPlanCsv.Columns.Count, rows[1].Count);
    }
}
