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

    /// <summary>Set to <c>True</c> by App Service when App Service Authentication runs in front of the app.</summary>
    public const string WebsiteAuthEnabledKey = "WEBSITE_AUTH_ENABLED";
}
