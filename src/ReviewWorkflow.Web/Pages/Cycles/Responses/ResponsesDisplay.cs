using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Pages.Cycles.Responses;

/// <summary>How the responses pages word audiences, views and parts of a response.</summary>
public static class ResponsesDisplay
{
    public static string Audience(Audience audience) => audience switch
    {
        Workflow.Domain.Audience.YoungPeople => "Children and young people",
        Workflow.Domain.Audience.Carers => "Carers",
        Workflow.Domain.Audience.Staff => "Staff",
        _ => "Partners",
    };

    public static string View(PledgeView view) => view switch
    {
        PledgeView.Agree => "Agree",
        PledgeView.Partly => "Partly agree",
        PledgeView.Disagree => "Disagree",
        _ => "Don't know",
    };

    public static IReadOnlyList<PledgeView> Views { get; } = Enum.GetValues<PledgeView>();

    /// <summary>"The whole response", "General comments", "Comment on pledge 2".</summary>
    public static string Part(TagPart part, string itemWord = "pledge") => part.Text switch
    {
        TagPart.WholeText => "The whole response",
        TagPart.GeneralText => "General comments",
        _ => $"Comment on {itemWord} {part.Pledge}",
    };

    /// <summary>The bar segment's width class (steps of 5 %, see review-workflow.css).</summary>
    public static string Width(int percentStep) => "rw-w-" + Math.Clamp(percentStep, 0, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Said(int count) => count == 1 ? "1 response" : $"{count} responses";
}
