using System.Globalization;
using System.Text.Json.Nodes;

namespace ReviewWorkflow.App.Tests.Split;

/// <summary>
/// The API's small cycle moved whole 52-week blocks (weekdays kept) until it starts after this machine's real clock: the
/// worker-only process runs on the real clock, the web app on a shifted one, so no deadline falls due in the worker
/// before the web app's commands move the cycle on (as in Azure, both sides then agree on what day it is).
/// </summary>
internal static class ShiftedCycleJson
{
    public static readonly DateTimeOffset OriginalStart = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static int Days { get; } = ComputeDays();

    public static DateTimeOffset Start => OriginalStart.AddDays(Days);

    public static DateOnly Shift(DateOnly day) => day.AddDays(Days);

    /// <summary>A copy of <paramref name="json"/> with every yyyy-MM-dd string moved by <see cref="Days"/>.</summary>
    public static JsonNode Shifted(JsonNode json)
    {
        var copy = json.DeepClone();
        Walk(copy);
        return copy;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && IsDate(text, out var date))
                    {
                        obj[key] = Shift(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Walk(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
        }
    }

    private static bool IsDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static int ComputeDays()
    {
        var days = 0;
        while (OriginalStart.AddDays(days) < DateTimeOffset.UtcNow.AddDays(7))
        {
            days += 364;
        }

        return days;
    }
}
