using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewWorkflow.Storage.Queues.Internal;

/// <summary>Queue limits checked before sending: names, message size, visibility and time-to-live ranges.</summary>
internal static partial class QueueRules
{
    /// <summary>The service limit on the (Base64) message body: 64 KiB.</summary>
    public const int MaxEncodedMessageLength = 64 * 1024;

    public static void ValidateName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (!NamePattern().IsMatch(queueName) || queueName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Queue name '{queueName}' is not valid: use 3-63 lowercase letters, digits and single dashes, starting and ending with a letter or digit.",
                nameof(queueName));
        }
    }

    public static void ValidateEncodedLength(int encodedLength, string parameterName)
    {
        if (encodedLength > MaxEncodedMessageLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The message is {encodedLength:N0} characters once Base64-encoded; the Queue service allows 64 KiB ({MaxEncodedMessageLength:N0}), about 48 KiB of UTF-8 text."),
                parameterName);
        }
    }

    /// <summary>Whole seconds in [min, 7 days]; sub-second values round up so a delay is never shortened to zero.</summary>
    public static int Seconds(TimeSpan value, TimeSpan min, string parameterName)
    {
        if (value < min || value > QueueClient.MaxVisibilityDelay)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{parameterName} is {value}; it must be between {min} and {QueueClient.MaxVisibilityDelay} (7 days)."),
                parameterName);
        }

        return (int)Math.Ceiling(value.TotalSeconds);
    }

    /// <summary>-1 (never expires) for null, <see cref="Timeout.InfiniteTimeSpan"/> or <see cref="TimeSpan.MaxValue"/>; otherwise at least one second.</summary>
    public static long TimeToLive(TimeSpan? value, int visibilitySeconds, string parameterName)
    {
        if (value is null || value == Timeout.InfiniteTimeSpan || value == TimeSpan.MaxValue)
        {
            return -1;
        }

        var seconds = (long)Math.Ceiling(value.Value.TotalSeconds);
        if (seconds < 1)
        {
            throw new ArgumentException("timeToLive must be at least one second, or null for no expiry.", parameterName);
        }

        if (seconds <= visibilitySeconds)
        {
            throw new ArgumentException("timeToLive must be longer than the visibility delay, or the message would expire before it is visible.", parameterName);
        }

        return seconds;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex NamePattern();
}
