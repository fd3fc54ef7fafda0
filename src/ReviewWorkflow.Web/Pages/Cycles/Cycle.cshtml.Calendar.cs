using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Calendar;

namespace ReviewWorkflow.Web.Pages.Cycles;

public sealed partial class CycleModel
{
    /// <summary>The cycle's calendar subscription link with its token (issue 16): calendar apps fetch it without signing in.</summary>
    public string CalendarLink =>
        $"/cycles/{Uri.EscapeDataString(Cycle.CycleId)}/calendar.ics?token={HttpContext.RequestServices.GetRequiredService<CalendarFeedTokens>().For(Cycle.CycleId)}";
}
