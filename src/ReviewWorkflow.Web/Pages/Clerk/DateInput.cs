using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ReviewWorkflow.Web.Pages.Clerk;

/// <summary>What _DateInput.cshtml draws: a GOV.UK date input whose day field has the id <paramref name="Key"/> (the
/// error summary links there) and whose fields post as <paramref name="Name"/>.Day / .Month / .Year.</summary>
public sealed record DateInput(ModelStateDictionary State, string Key, string Name, string Legend, string Hint, DateFields Value);
