using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Web.Tokens;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>
/// A consultee's personal link. This foundation checks the link and, when it does not work, says in plain words
/// what to do next; the response form itself (issue 5) goes here once the review cycle is available.
/// </summary>
public sealed class RespondModel(IConsulteeTokens tokens) : PageModel
{
    public string Heading { get; private set; } = "";

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public ConsulteeLink? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var result = await tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        Link = result.Link;
        var when = result.ExpiredAt?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        (Heading, Paragraphs, Response.StatusCode) = result.Error switch
        {
            null => ("Your link works", (IReadOnlyList<string>)["This is your own link. Do not share it."], StatusCodes.Status200OK),
            ConsulteeTokenError.Expired => ("This link has run out", [$"The time to answer ended on {when}.", "If you still want to say something, reply to the email that sent you this link."], StatusCodes.Status410Gone),
            ConsulteeTokenError.Revoked => ("This link does not work any more", ["You may have been sent a newer link. Look for the latest email from us.", "If you cannot find it, reply to the email that sent you this link."], StatusCodes.Status410Gone),
            _ => ("This link does not work", ["Check you copied the whole link from the email. It is long.", "If it still does not work, reply to the email that sent you the link."], StatusCodes.Status404NotFound),
        };
        return Page();
    }
}
