namespace ReviewWorkflow.Storage.Tables.Internal;

/// <summary>Table-name rules: 3-63 letters and digits, starting with a letter; "Tables" is reserved.</summary>
internal static class TableNames
{
    public static void Validate(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length is < 3 or > 63
            || !char.IsAsciiLetter(tableName[0])
            || !tableName.All(char.IsAsciiLetterOrDigit)
            || string.Equals(tableName, "Tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Table name '{tableName}' is not valid: use 3-63 letters and digits, starting with a letter (and not 'Tables').",
                nameof(tableName));
        }
    }
}
