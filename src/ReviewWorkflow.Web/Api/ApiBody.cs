using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Api;

/// <summary>
/// Reads an API request: the <c>Idempotency-Key</c> header, then the JSON body. Every failure is a problem naming the
/// field (<c>Idempotency-Key</c>, <c>Content-Type</c>, <c>body</c> or the JSON path that would not read), never a 500:
/// the body is read here rather than by minimal-API binding, whose failures are bare 400/415 responses.
/// </summary>
internal static partial class ApiBody
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The <c>Idempotency-Key</c> header's value (1 to 200 characters, trimmed), or a 400 naming the header.
    /// Sent twice, or with a comma (two headers folded into one line), it is refused: the joined value would name neither
    /// action. Without <paramref name="required"/>, no header reads as no key.</summary>
    public static (string? Key, IResult? Problem) IdempotencyKey(HttpRequest request, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[IdempotencyKeyHeader];
        var key = values.ToString().Trim();
        if (values.Count > 1 || key.Contains(',', StringComparison.Ordinal))
        {
            return (null, ApiProblems.Field(IdempotencyKeyHeader,
                "Send one Idempotency-Key header with one key (no commas): each key names one action, so a retried request is applied once."));
        }

        if (key.Length == 0 && !required)
        {
            return (null, null);
        }

        if (!IdempotencyKeys.IsValid(key))
        {
            return (null, ApiProblems.Field(IdempotencyKeyHeader,
                IdempotencyKeys.Advice("an Idempotency-Key header", "a retried request is applied once (a new GUID per action)")));
        }

        return (key, null);
    }

    /// <summary>The body as <typeparamref name="T"/>, or a 415/400 problem. With <paramref name="optional"/>, an empty
    /// body reads as <paramref name="empty"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, bool optional = false, T? empty = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            try
            {
                await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex)
            {
                return (null, ApiProblems.Status(ex.StatusCode, "The request body could not be read.", One("body", ex.Message)));
            }

            bytes = buffer.ToArray();
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return optional ? (empty, null) : (null, ApiProblems.Field("body", "Send a JSON object as the request body; it was empty."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON.",
                One("Content-Type", $"Send the body with 'Content-Type: application/json' (it was '{request.ContentType ?? "not set"}').")));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, WorkflowJson.Options);
            return value is null
                ? (null, ApiProblems.Field("body", "Send a JSON object as the request body, not null."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Field(FieldOf(ex), MessageFor<T>(ex, bytes)));
        }
    }

    /// <summary>The JSON path that failed, without the leading <c>$.</c> ("body" for the whole document).</summary>
    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        if (UnmappedMember().Match(ex.Message) is { Success: true } unmapped)
        {
            var member = unmapped.Groups["name"].Value;
            path = path.EndsWith(member, StringComparison.Ordinal) ? path : path.Length == 0 ? member : $"{path}.{member}";
        }

        return path.Length == 0 ? "body" : path;
    }

    private static string MessageFor<T>(JsonException ex, byte[] bytes)
    {
        if (!IsWellFormed(bytes))
        {
            return $"The request body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}); check the quotes, commas and brackets.";
        }

        if (UnmappedMember().IsMatch(ex.Message))
        {
            return "This field is not part of the request; check its spelling against /openapi/v1.json.";
        }

        return FieldType(typeof(T), ex.Path) switch
        {
            null => "This value could not be read; check it against /openapi/v1.json.",
            var t when t == typeof(DateOnly) => "Enter a date in the form yyyy-MM-dd, for example 2026-03-13.",
            var t when t == typeof(TimeOnly) => "Enter a time in the form HH:mm, for example 18:30.",
            var t when t == typeof(bool) => "Enter true or false.",
            var t when t == typeof(int) || t == typeof(long) => "Enter a whole number.",
            var t when t == typeof(string) => "Enter text (in quotes).",
            var t when t.IsEnum => $"Use one of: {string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}.",
            var t when t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) => "Enter a list (in square brackets).",
            _ => "Enter a JSON object (in curly brackets).",
        };
    }

    private static bool IsWellFormed(byte[] bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The CLR type at a JSON path like <c>$.consultation.groups[0].audience</c> within <paramref name="root"/>
    /// (nullable and list types unwrapped), or null when the path leaves the type.</summary>
    internal static Type? FieldType(Type root, string? path)
    {
        var type = root;
        foreach (var segment in (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = Unwrap(property.PropertyType, segment.Contains('[', StringComparison.Ordinal));
        }

        return Unwrap(type, elementOfList: false);
    }

    private static Type Unwrap(Type type, bool elementOfList)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (elementOfList && type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
        {
            type = Nullable.GetUnderlyingType(list.GetGenericArguments()[0]) ?? list.GetGenericArguments()[0];
        }

        return type;
    }

    private static Dictionary<string, string[]> One(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
