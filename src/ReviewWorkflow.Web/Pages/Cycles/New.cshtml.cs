using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewWorkflow.Directory;
using ReviewWorkflow.Web.Authentication;
using ReviewWorkflow.Web.Cycles;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Cycles;

/// <summary>
/// "Start a review": from scratch, or prefilled from a previous cycle (<c>?from={cycleId}</c>). A refused form comes
/// back with everything typed and the GOV.UK error summary; nothing starts until every rule passes. The idempotency
/// key rendered at GET makes a double submit start one cycle.
/// </summary>
[Authorize(Policy = WebRoles.Policies.Lead)]
public sealed class NewModel(ReviewCycleService cycles, TimeProvider time, IDirectory directory) : PageModel
{
    [BindProperty]
    public NewCycleForm Form { get; set; } = new();

    /// <summary>The directory's groups a consultee group can consult (id, display name); empty when it cannot be read.</summary>
    public IReadOnlyList<DirectoryGroupName> DirectoryGroups { get; private set; } = [];

    /// <summary>Why the directory's groups are not offered, or null.</summary>
    public string? DirectoryProblem { get; private set; }

    /// <summary>The title of the cycle the form was prefilled from, or null.</summary>
    public string? TemplateTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        await LoadDirectoryGroupsAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(from))
        {
            var template = await cycles.GetTemplateAsync(from, cancellationToken).ConfigureAwait(false);
            if (template is null)
            {
                return NotFound();
            }

            Form = CycleFormMapper.FromDefinition(template, from);
            TemplateTitle = (await cycles.GetCycleAsync(from, cancellationToken).ConfigureAwait(false))?.Title;
        }
        else
        {
            Form = new NewCycleForm().WithRows();
        }

        Form.LeadName = User.Identity?.Name;
        Form.LeadEmail = User.Email();
        Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.ActorFor(WebRoles.Lead) is not { } actor)
        {
            return Forbid();
        }

        Form.WithRows();
        await LoadDirectoryGroupsAsync(cancellationToken).ConfigureAwait(false);
        var template = string.IsNullOrWhiteSpace(Form.From) ? null : await cycles.GetTemplateAsync(Form.From, cancellationToken).ConfigureAwait(false);
        if (template is not null)
        {
            TemplateTitle = (await cycles.GetCycleAsync(Form.From!, cancellationToken).ConfigureAwait(false))?.Title;
        }

        var mapped = CycleFormMapper.ToDefinition(Form, template);
        foreach (var error in mapped.ParseErrors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        // Every rule at once, so the lead fixes the whole form in one go (the façade checks them again when starting).
        var today = CouncilClock.Today(time, cycles.Settings);
        AddErrors(ReviewCycleValidator.Validate(mapped.Definition with { Id = "new-cycle" }, cycles.Settings, today), mapped);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await cycles.StartCycleAsync(mapped.Definition, actor, HttpContext.RequestId(), Form.IdempotencyKey ?? "",
            string.IsNullOrWhiteSpace(Form.From) ? null : Form.From, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, mapped);
            return Page();
        }

        return Redirect($"/cycles/{Uri.EscapeDataString(result.CycleId!)}?done=started");
    }

    private async Task LoadDirectoryGroupsAsync(CancellationToken cancellationToken)
    {
        try
        {
            DirectoryGroups = await directory.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DirectoryException or DirectoryFileException)
        {
            DirectoryProblem = "The directory's groups could not be read just now, so list the members of each group instead: " + ex.Message;
        }
    }

    private void AddErrors(IReadOnlyList<ValidationError> errors, MappedCycle mapped)
    {
        foreach (var error in errors)
        {
            var key = CycleFormMapper.FieldFor(error.Field, mapped);
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && mapped.ParseErrors.Any(p => p.Field == key))
            {
                continue; // "enter a real date" already says it; "enter the date" would contradict it
            }

            ModelState.AddModelError(key, error.Message);
        }
    }

    public static IReadOnlyList<(string Value, string Label)> Audiences { get; } =
    [
        (CycleFormMapper.AudienceValue(Audience.YoungPeople), "Children and young people (plain-language form)"),
        (CycleFormMapper.AudienceValue(Audience.Carers), "Carers"),
        (CycleFormMapper.AudienceValue(Audience.Staff), "Staff"),
        (CycleFormMapper.AudienceValue(Audience.Partners), "Partners"),
    ];
}
