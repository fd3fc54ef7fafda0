using System.Globalization;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Collects errors with the common checks phrased once.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new ValidationError(field, message));

    /// <summary>Non-blank and at most <paramref name="max"/> characters; false when an error was added.</summary>
    public bool Text(string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Enter {what}.");
            return false;
        }

        return MaxLength(field, value, what, max);
    }

    /// <summary>
    /// <see cref="Text"/> for a one-line value (a name, a title, a body, a reference): also refuses line breaks and
    /// other control characters, which would otherwise reach email headers (names, subjects) and file names.
    /// </summary>
    public bool Line(string field, string? value, string what, int max)
    {
        if (!Text(field, value, what, max))
        {
            return false;
        }

        if (value!.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085'))
        {
            Add(field, $"Write {what} on one line, without line breaks or control characters.");
            return false;
        }

        return true;
    }

    public bool MaxLength(string field, string? value, string what, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"Shorten {what} to {max.ToString(CultureInfo.InvariantCulture)} characters or fewer (it has {value.Length.ToString(CultureInfo.InvariantCulture)}).");
            return false;
        }

        return true;
    }

    public bool Email(string field, string? value, string whose)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Enter {whose} email address.");
            return false;
        }

        if (!EmailAddress.IsValid(value))
        {
            var shown = value.Length > 60 ? value[..60] + "…" : value;
            Add(field, $"Enter {whose} email address in the correct format, like name@council.example (\"{shown}\" is not a valid address).");
            return false;
        }

        return true;
    }

    public bool Date(string field, DateOnly value, string what)
    {
        if (value == default)
        {
            Add(field, $"Enter {what}.");
            return false;
        }

        return true;
    }

    public bool Count<T>(string field, IReadOnlyList<T>? items, string what, int max)
    {
        if (items is not null && items.Count > max)
        {
            Add(field, $"Use at most {max.ToString(CultureInfo.InvariantCulture)} {what} (there are {items.Count.ToString(CultureInfo.InvariantCulture)}).");
            return false;
        }

        return true;
    }
}
