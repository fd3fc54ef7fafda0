using System.Text.Json;
using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.SendGrid;

/// <summary>Reads every entry of SendGrid's error body (<c>{"errors":[{"field":..,"message":..}]}</c>), so the message
/// names each field at fault. The SDK's <c>HttpErrorAsException</c> keeps only the first entry.</summary>
internal static class SendGridErrors
{
    public static async Task<IReadOnlyList<EmailProviderError>> ReadAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return [];
        }

        try
        {
            var text = await body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<EmailProviderError>();
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                list.Add(new EmailProviderError(Text(error, "field"), Text(error, "message") ?? "(no message)"));
            }

            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Describe(IReadOnlyList<EmailProviderError> errors) => errors.Count == 0
        ? "no details given"
        : string.Join("; ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));

    private static string? Text(JsonElement error, string name)
        => error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
