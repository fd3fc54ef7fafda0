namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>Text rules shared by the report model and its renderers.</summary>
public static class ReportText
{
    /// <summary>Where the system has no source (financial implications, agenda item ...): the author fills it in.</summary>
    public const string Placeholder = "To be completed by the report author";

    public static bool IsPlaceholder(string? text) => string.Equals(text, Placeholder, StringComparison.Ordinal);

    /// <summary>
    /// Text a spreadsheet would not run: a leading = + - @ (or tab / CR) gets an apostrophe, OWASP's advice against
    /// formula injection, as the audit CSV does. Idempotent (the result starts with an apostrophe).
    /// </summary>
    public static string Inert(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
