using System.Text.RegularExpressions;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Web.PersonalData;

/// <summary>Checks what an administrator types to find or erase someone's data: refused with a reason when it could
/// be a script, a spreadsheet formula, a header injection (CR/LF) or is too long; nothing is looked up or changed.</summary>
public static partial class PersonalDataInput
{
    public const int MaxEmail = 254;
    public const int MaxReason = 500;

    /// <summary>Why <paramref name="email"/> cannot be searched for, or null when it can.</summary>
    public static string? EmailProblem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "Enter the email address to search for.";
        }

        if (email.Length > MaxEmail)
        {
            return $"Enter an email address of {MaxEmail} characters or fewer.";
        }

        if (email.Any(char.IsControl))
        {
            return "Enter the email address on one line, without line breaks or control characters.";
        }

        if (email.IndexOfAny(['<', '>', '"', '\'', '`', '(', ')', ';', ',']) >= 0 || Formula(email))
        {
            return "Enter an email address only, like name@example.org (it cannot hold <, >, quotes or start with =, +, - or @).";
        }

        return EmailAddress.IsValid(email.Trim()) ? null : "Enter an email address in the correct format, like name@example.org.";
    }

    /// <summary>Why <paramref name="reason"/> cannot be recorded, or null when it can.</summary>
    public static string? ReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Enter the reason for the erasure (for example, \"Request from the person by email on 3 May\").";
        }

        if (reason.Length > MaxReason)
        {
            return $"Enter a reason of {MaxReason} characters or fewer.";
        }

        if (reason.Any(c => char.IsControl(c)))
        {
            return "Enter the reason on one line, without line breaks or control characters.";
        }

        return Markup().IsMatch(reason) || Formula(reason) ? "Enter the reason as plain words: it cannot hold < or > or start with =, +, - or @." : null;
    }

    private static bool Formula(string value) => value.TrimStart() is [ '=' or '+' or '-' or '@', ..];

    [GeneratedRegex("[<>]")]
    private static partial Regex Markup();
}
