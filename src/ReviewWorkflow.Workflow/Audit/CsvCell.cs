namespace ReviewWorkflow.Workflow.Audit;

/// <summary>
/// One RFC 4180 field, safe to open in a spreadsheet: text starting with = + - @ tab or CR gets a leading apostrophe
/// (OWASP's advice against formula injection), and a field holding a comma, quote, CR or LF is quoted with quotes doubled.
/// </summary>
public static class CsvCell
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
