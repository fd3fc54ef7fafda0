namespace ReviewWorkflow.Web.Authentication;

/// <summary>Authentication scheme names.</summary>
public static class WebAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="AppService"/> or <see cref="Development"/>.</summary>
    public const string Scheme = "ReviewWorkflow";

    /// <summary>App Service Authentication headers (Azure).</summary>
    public const string AppService = "AppServiceAuthentication";

    /// <summary>Local development sign-in (cookie from /dev/sign-in, or X-Dev-User).</summary>
    public const string Development = "DevelopmentSignIn";
}
