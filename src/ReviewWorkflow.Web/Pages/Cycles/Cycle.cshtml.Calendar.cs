using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Workflow.Calendar;

namespace ReviewWorkflow.Web.Pages.Cycles;

public sealed partial class CycleModel
{
    /// <summary>The cycle's calendar subscription link with its token (issue 16): calendar apps fetch it without signing in, so it is under /calendar/, which App Service Authentication lets through.</summary>
    public string CalendarLink =>
        $"/calendar/cycles/{Uri.EscapeDataString(Cycle.CycleId)}.ics?token={HttpContext.RequestServices.GetRequiredService<CalendarFeedTokens>().For(Cycle.CycleId)}";
}
