using System.Globalization;

namespace ReviewWorkflow.App.Hosting;

/// <summary>What the Azure Functions host tells a custom handler through its environment.</summary>
public static class FunctionsHost
{
    /// <summary>Set by the Functions host: the port it sends pings, invocations and forwarded HTTP requests to.</summary>
    public const string PortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The port to listen on as a custom handler, or null when the app runs standalone.</summary>
    public static int? CustomHandlerPort(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[PortKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{PortKey} must be a TCP port number, not '{value}'.");
    }

    public static bool IsCustomHandler(IConfiguration configuration) => CustomHandlerPort(configuration) is not null;
}
