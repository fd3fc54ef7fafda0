using System.Globalization;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// A partner organisation's link is shared by colleagues (issue 17, point 3), so each save and the submission record the
/// name the person typed, not the link owner's. A personal link (a child, a carer, a member of staff) needs no name: the
/// link says who it is.
/// </summary>
public static class SharedLink
{
    /// <summary>The API field and the page's error field.</summary>
    public const string Field = "savedBy";

    /// <summary>Long enough for any real name with a role ("Dr Morgan Example-Smith, Designated Nurse"), short enough
    /// to show in an audit row and a conflict message.</summary>
    public const int NameLimit = 100;

    public static bool IsShared(ConsulteeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Audience == Audience.Partners || !string.IsNullOrWhiteSpace(form.Organisation);
    }

    /// <summary>What is wrong with <paramref name="savedBy"/> on <paramref name="form"/>, or null. On a shared link the
    /// name is required, within <see cref="NameLimit"/>, and made of letters, digits, spaces and ordinary punctuation:
    /// markup, symbols such as = + &lt; &gt; (formula or script starts) and hidden control or direction characters are
    /// refused, because the name is shown to the lead and exported in the audit trail. On a personal link it must be left out.</summary>
    public static ValidationError? Check(ConsulteeForm form, string? savedBy)
    {
        if (!IsShared(form))
        {
            return savedBy is null ? null : new(Field, $"Leave out savedBy: this link is personal, so saves are recorded under {form.ConsulteeName}.");
        }

        var name = savedBy?.Trim() ?? "";
        if (name.Length == 0)
        {
            return new(Field, "Enter your name, so colleagues sharing this link and the council can see who saved the response.");
        }

        if (name.Length > NameLimit)
        {
            return new(Field, string.Create(CultureInfo.InvariantCulture, $"Your name must be {NameLimit} characters or fewer (you entered {name.Length})."));
        }

        if (!name.All(Allowed))
        {
            return new(Field, "Your name can only include letters, numbers, spaces and punctuation such as hyphens, apostrophes, full stops, commas and brackets.");
        }

        // A leading dash, bracket or digit is how a spreadsheet formula or a list marker starts, never a name.
        return char.IsLetter(name[0]) ? null : new(Field, "Start your name with a letter.");
    }

    /// <summary>The name as stored: trimmed.</summary>
    public static string Clean(string savedBy) => (savedBy ?? "").Trim();

    private static bool Allowed(char c) => c == ' ' || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.DashPunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation => true,
        UnicodeCategory.OtherPunctuation => c is '\'' or '.' or ',' or '&' or '/',
        _ => false,
    };
}
