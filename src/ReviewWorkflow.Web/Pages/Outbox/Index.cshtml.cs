using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using ReviewWorkflow.Notifications.Outbox;
using ReviewWorkflow.Web.Development;
using ReviewWorkflow.Web.Outbox;

namespace ReviewWorkflow.Web.Pages.Outbox;

/// <summary>The local outbox: 404 unless mail goes to the local outbox and the request is local development. A
/// consultee's email can be marked as bounced: a signed SendGrid bounce event goes to the app's own webhook
/// (<see cref="DevelopmentBounces"/>), and the cycle page then shows the consultee as bounced.</summary>
public sealed class OutboxModel : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    /// <summary>"Mark as bounced" is offered (Development, no real SendGrid verification key).</summary>
    public bool CanMarkBounced { get; private set; }

    /// <summary>The cycle whose consultee was just marked as bounced (shown with a link to its page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Bounced { get; set; }

    /// <summary>Why the webhook refused the bounce, when it did.</summary>
    public string? BounceProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (OutboxApi.LocalOutbox(HttpContext) is not { } outbox)
        {
            return NotFound();
        }

        await LoadAsync(outbox, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostBounceAsync(string id, CancellationToken cancellationToken)
    {
        if (OutboxApi.LocalOutbox(HttpContext) is not { } outbox || Bounces() is not { } bounces)
        {
            return NotFound();
        }

        if (await outbox.FindAsync(id ?? "", cancellationToken).ConfigureAwait(false) is not { } message || !DevelopmentBounces.CanBounce(message))
        {
            return NotFound();
        }

        using var answer = await bounces.PostBounceAsync(message, HttpContext, WebhookPaths.SendGrid, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == HttpStatusCode.OK)
        {
            return RedirectToPage("Index", null, new { bounced = message.CustomArgs["cycleId"] }, "bounced");
        }

        BounceProblem = $"The webhook answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
        Bounced = null;
        await LoadAsync(outbox, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task LoadAsync(IOutbox outbox, CancellationToken cancellationToken)
    {
        Messages = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        CanMarkBounced = Bounces() is not null;
    }

    private DevelopmentBounces? Bounces() => HttpContext.RequestServices.GetService<DevelopmentBounces>() is { Active: true } bounces ? bounces : null;
}
