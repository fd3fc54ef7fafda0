namespace ReviewWorkflow.Web.Cycles;

/// <summary>
/// One GOV.UK text input or textarea for Pages/Cycles/_Field.cshtml: <paramref name="Key"/> is the field's ModelState
/// key and form name ("Form.Title"); its element id is <see cref="Layout.GovUkErrors.FieldId"/> of the key, which is
/// where the error summary links.
/// </summary>
public sealed record FormField(string Key, string Label, string? Value, string? Hint = null, string Type = "text", string? WidthClass = null,
    string? Autocomplete = null, int Rows = 0, bool LabelIsHeading = false)
{
    public bool IsTextArea => Rows > 0;
}
