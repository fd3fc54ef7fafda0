using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReviewWorkflow.Web.Layout;

/// <summary>Notes that a form failed antiforgery validation, so the 400 page can say why (the result itself has no body).</summary>
internal sealed class AntiforgeryFailureMarker : IAlwaysRunResultFilter
{
    public const string ItemKey = "ReviewWorkflow.Web.AntiforgeryFailed";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ItemKey] = true;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
