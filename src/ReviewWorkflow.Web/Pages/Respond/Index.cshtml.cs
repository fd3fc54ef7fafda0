using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Workflow.Consultation;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>
/// A consultee's personal link (issued by the workflow's <see cref="IConsulteeLinkIssuer"/>, the same link every email
/// carries). When the link does not work, it says in plain words what to do next.
/// </summary>
public sealed class RespondModel(IConsulteeLinkIssuer links) : PageModel
{
    public string Heading { get; private set; } = "";

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public ConsulteeLinkCheck? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Link = await links.CheckAsync(token, cancellationToken).ConfigureAwait(false);
        var when = Link.ExpiresAt?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        (Heading, Paragraphs, Response.StatusCode) = Link.State switch
        {
            ConsulteeLinkState.Valid => ("Your link works", (IReadOnlyList<string>)["This is your own link. Do not share it."], StatusCodes.Status200OK),
            ConsulteeLinkState.Expired => ("This link has run out", [$"The time to answer ended on {when}.", "If you still want to say something, reply to the email that sent you this link."], StatusCodes.Status410Gone),
            ConsulteeLinkState.Revoked => ("This link does not work any more", ["You may have been sent a newer link. Look for the latest email from us.", "If you cannot find it, reply to the email that sent you this link."], StatusCodes.Status410Gone),
            _ => ("This link does not work", ["Check you copied the whole link from the email. It is long.", "If it still does not work, reply to the email that sent you the link."], StatusCodes.Status404NotFound),
        };
        return Page();
    }
}
