using ReviewWorkflow.Workflow.Deadlines;

namespace ReviewWorkflow.Workflow.Tests.Deadlines;

public class DateTextTests
{
    [Fact]
    public void Format_WritesDayMonthNameYear() => Assert.Equal("3 March 2027", DateText.Format(new DateOnly(2027, 3, 3)));

    [Fact]
    public void WithDay_AddsTheWeekday() => Assert.Equal("Wednesday 3 March 2027", DateText.WithDay(new DateOnly(2027, 3, 3)));
}
