using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ReviewWorkflow.Web.Layout;

/// <summary>
/// What a page tells the shared layout (Pages/Shared/_Layout.cshtml) through ViewData:
/// <list type="bullet">
/// <item><c>ViewData.SetTitle("Start a review cycle")</c>: the title is "{title} - Review a strategy - {council}",
/// prefixed "Error: " when the page's ModelState has errors (GOV.UK page title convention).</item>
/// <item><c>ViewData.UsePlainLanguage()</c>: the young-people variant: larger text, a friendly service name, a short
/// footer; for consultee pages of groups whose audience is young people.</item>
/// </list>
/// </summary>
public static class PageLayout
{
    public const string TitleKey = "Title";
    public const string PlainLanguageKey = "PlainLanguage";

    /// <summary>Service name in the plain-language variant.</summary>
    public const string PlainServiceName = "Have your say";

    public static void SetTitle(this ViewDataDictionary viewData, string title)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[TitleKey] = title;
    }

    public static void UsePlainLanguage(this ViewDataDictionary viewData, bool plain = true)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[PlainLanguageKey] = plain;
    }

    public static bool IsPlainLanguage(this ViewDataDictionary viewData)
        => viewData?[PlainLanguageKey] is true;

    /// <summary>The full &lt;title&gt; text.</summary>
    public static string FullTitle(this ViewDataDictionary viewData, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        ArgumentNullException.ThrowIfNull(options);
        var service = viewData.IsPlainLanguage() ? PlainServiceName : options.ServiceName;
        var page = viewData[TitleKey] as string;
        var title = string.IsNullOrWhiteSpace(page) ? $"{service} - {options.CouncilName}" : $"{page} - {service} - {options.CouncilName}";
        return viewData.ModelState.IsValid ? title : "Error: " + title;
    }
}
