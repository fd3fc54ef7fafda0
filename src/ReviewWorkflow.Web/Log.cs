using Microsoft.Extensions.Logging;

namespace ReviewWorkflow.Web;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Development sign-in ignored on {Path}: it works only in the Development environment on a direct loopback request.")]
    public static partial void DevelopmentSignInRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "GOV.UK Frontend files not found (looked for {Path}); pages will be unstyled. Run 'npm ci' or set Web:GovUkFrontendPath.")]
    public static partial void GovUkFrontendMissing(ILogger logger, string path);


    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path} (status {Status}, code {ErrorCode}); answered 503 with Retry-After.")]
    public static partial void StorageUnavailable(ILogger logger, string path, int status, string errorCode, Exception exception);
}
