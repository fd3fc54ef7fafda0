using System.Globalization;

namespace ReviewWorkflow.Storage.Tables;

/// <summary>Builds OData $filter strings with every value escaped — never concatenate user input into a filter.</summary>
public static class TableFilter
{
    /// <summary>Formats an interpolated filter, escaping each argument as an OData literal by its type:
    /// <c>TableFilter.Create($"PartitionKey eq {pk} and RowKey ge {from}")</c>.</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(a => (object)Literal(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>Escapes one value as an OData literal (strings quoted with '' doubling; dates, GUIDs, longs, binary typed).</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when !double.IsFinite(d) => throw new ArgumentException("NaN and infinities cannot be used in a filter.", nameof(value)),
        double d => DoubleLiteral(d),
        DateTimeOffset dto => "datetime'" + Internal.EntityJson.FormatDate(dto.UtcDateTime) + "'",
        DateTime dt => "datetime'" + Internal.EntityJson.FormatDate(Internal.EntityValidator.ToUtc(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException(
            $"A filter value of type {value.GetType().Name} cannot be escaped; use string, bool, int, long, double, DateTimeOffset, DateTime, Guid or byte[].",
            nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".E") < 0 ? text + ".0" : text;
    }
}
