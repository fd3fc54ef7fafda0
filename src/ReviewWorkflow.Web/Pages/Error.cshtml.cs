using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Layout;

namespace ReviewWorkflow.Web.Pages;

/// <summary>The readable page for error statuses (re-executed by the status code pages for everything outside /api).
/// Any method: a failed form post is re-executed as a POST, so this page must not demand antiforgery itself.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        var forgery = HttpContext.Items.ContainsKey(AntiforgeryFailureMarker.ItemKey);
        (Heading, Paragraphs) = code switch
        {
            400 when forgery => ("Your form could not be sent",
                (IReadOnlyList<string>)["This can happen when a page has been open for a long time, or when cookies are blocked in your browser. Nothing was saved.",
                 "Go back, refresh the page and try again."]),
            400 => ("Sorry, there is a problem with your request", ["Check the address or go back and try again. Nothing was changed."]),
            401 => ("You need to sign in", ["Sign in to use this page."]),
            403 => ("You cannot use this page", ["Your account does not have permission for this page. Ask a service administrator if you think you should."]),
            404 => ("Page not found", ["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
            413 => ("What you sent is too large", ["Make your answer shorter and try again. Nothing was saved."]),
            429 => ("Too many tries in a short time", ["Wait a minute, then try again. Nothing was lost: what you saved before is still there."]),
            503 => ("The service is busy or starting up", ["Nothing was saved from this request. Wait a moment, then go back and send it again."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later. Nothing was changed."]),
        };
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return Page();
    }
}
