using System.Globalization;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Hosting;

namespace ReviewWorkflow.Web.Privacy;

/// <summary>The consultee form's privacy notice, as paragraphs: the council's own text when configured, else the
/// default saying who holds the data, why, for how long and how to ask for it or have it removed; for children and
/// young people a plain-words version (the ICO Children's Code asks for one).</summary>
public sealed class PrivacyNotice(IOptions<PrivacyNoticeOptions> privacy, IOptions<WebOptions> web, IOptions<WorkflowOptions> workflow)
{
    public IReadOnlyList<string> Paragraphs(bool youngPeople)
    {
        var o = privacy.Value;
        var custom = youngPeople ? o.YoungPeopleNotice : o.Notice;
        if (!string.IsNullOrWhiteSpace(custom))
        {
            return [.. custom.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        var controller = string.IsNullOrWhiteSpace(o.Controller) ? web.Value.CouncilName : o.Controller;
        var months = (workflow.Value.Council.PersonalDataRetentionMonths ?? CouncilOverrides.DefaultPersonalDataRetentionMonths).ToString(CultureInfo.InvariantCulture);
        var contact = string.IsNullOrWhiteSpace(o.Contact) ? $"{controller}'s data protection officer" : o.Contact;
        return youngPeople
            ?
            [
                $"{controller} keeps your name, your email address and what you write here.",
                "We use them only to hear your views on this plan and to show that we listened. People who make the plan read your answers. When we quote you, we do not use your name.",
                $"We delete your name, email address and words {months} months after the plan is agreed. We keep how many people agreed or disagreed.",
                $"You can ask to see what we have about you, or ask us to delete it, at any time. Ask your social worker or personal adviser, or contact {contact}.",
            ]
            :
            [
                $"{controller} is the data controller for the personal data you give here: your name, email address and answers.",
                "We use them to run this consultation (a public task of the council) and to show how responses were considered, as the law on consultation expects. Staff preparing the strategy and committee report read them; children's and young people's words are quoted without names.",
                $"Names, email addresses and comments are deleted {months} months after the strategy is adopted or the review closes. Counts and views on each priority are kept.",
                $"You can ask for a copy of what we hold about you, or ask for it to be erased, by contacting {contact}. You can also complain to the Information Commissioner's Office.",
            ];
    }
}
