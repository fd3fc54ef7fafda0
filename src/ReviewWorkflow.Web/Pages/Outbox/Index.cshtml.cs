using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Outbox;

namespace ReviewWorkflow.Web.Pages.Outbox;

/// <summary>The local outbox: 404 unless mail goes to the local outbox and the request is local development.</summary>
public sealed class OutboxModel : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (OutboxApi.LocalOutbox(HttpContext) is not { } outbox)
        {
            return NotFound();
        }

        Messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
