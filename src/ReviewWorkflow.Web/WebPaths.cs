using Microsoft.AspNetCore.Http;

namespace ReviewWorkflow.Web;

internal static class WebPaths
{
    public const string Assets = "/assets";
    public const string GovUkAssets = "/assets/govuk";
    public const string DevSignIn = "/dev/sign-in";
    public const string Outbox = "/outbox";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
