using System.Globalization;
using System.Text;

namespace ReviewWorkflow.Durable.AzureStorage.Internal;

/// <summary>
/// Length-prefixed framing (<c>{length};{text}</c>, <c>-;</c> for null) used to pack several records into one
/// table property without escaping the engine's JSON.
/// </summary>
internal static class Framing
{
    public static StringBuilder Field(this StringBuilder sb, string? value)
    {
        if (value is null)
        {
            return sb.Append("-;");
        }

        return sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(';').Append(value);
    }

    public static StringBuilder Field(this StringBuilder sb, long value) => sb.Field(value.ToString(CultureInfo.InvariantCulture));

    public static StringBuilder Field(this StringBuilder sb, long? value) => sb.Field(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Framed length of a field, for size planning.</summary>
    public static int FieldLength(string? value) => value is null ? 2 : value.Length + 1 + Digits(value.Length);

    public static string List(IEnumerable<string> values)
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            sb.Field(v);
        }

        return sb.ToString();
    }

    public static List<string> ParseList(string? text)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return list;
        }

        var reader = new FrameReader(text);
        while (!reader.End)
        {
            list.Add(reader.String() ?? "");
        }

        return list;
    }

    private static int Digits(int n) => n < 10 ? 1 : (int)Math.Floor(Math.Log10(n)) + 1;
}

/// <summary>Reads fields written by <see cref="Framing"/>.</summary>
internal sealed class FrameReader(string text)
{
    private int _position;

    public bool End => _position >= text.Length;

    public string? String()
    {
        var semicolon = text.IndexOf(';', _position);
        if (semicolon < 0)
        {
            throw new InvalidDataException("Corrupt framed record: missing length terminator.");
        }

        var head = text.AsSpan(_position, semicolon - _position);
        if (head is "-")
        {
            _position = semicolon + 1;
            return null;
        }

        var length = int.Parse(head, NumberStyles.None, CultureInfo.InvariantCulture);
        var value = text.Substring(semicolon + 1, length);
        _position = semicolon + 1 + length;
        return value;
    }

    public string RequiredString() => String() ?? throw new InvalidDataException("Corrupt framed record: unexpected null.");

    public long Int64() => long.Parse(RequiredString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public long? NullableInt64() => String() is { } s ? long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
}
