using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// The words on the consultee's pages. Young people (<see cref="Audience.YoungPeople"/>) get <see cref="Plain"/>:
/// everyday words, short sentences, "you" and "we". Everyone else gets <see cref="Standard"/>.
/// </summary>
public sealed record ConsulteeWording
{
    public bool IsPlain { get; init; }

    /// <summary>"pledge" or "priority" in <see cref="Standard"/>; always "promise" in <see cref="Plain"/>.</summary>
    public string Item { get; init; } = "pledge";

    public string Heading { get; init; } = "";

    public string Intro { get; init; } = "";

    public string ViewQuestion { get; init; } = "";

    public string CommentLabel { get; init; } = "";

    public string GeneralLabel { get; init; } = "";

    public string GeneralHint { get; init; } = "";

    public string SaveButton { get; init; } = "";

    public string ContinueButton { get; init; } = "";

    public string SubmitButton { get; init; } = "";

    public string SavedMessage { get; init; } = "";

    public string CheckHeading { get; init; } = "";

    public string SentHeading { get; init; } = "";

    public string SentNext { get; init; } = "";

    public IReadOnlyDictionary<PledgeView, string> Views { get; init; } = new Dictionary<PledgeView, string>();

    public static ConsulteeWording Standard(StrategyKind kind) => new()
    {
        Item = kind == StrategyKind.Pledge ? "pledge" : "priority",
        Heading = "Have your say",
        Intro = "Tell us what you think of each {0}. You can save your answers and come back to them before the closing date.",
        ViewQuestion = "What do you think of this {0}?",
        CommentLabel = "Comments (optional)",
        GeneralLabel = "Any other comments (optional)",
        GeneralHint = "For example:",
        SaveButton = "Save and come back later",
        ContinueButton = "Continue",
        SubmitButton = "Accept and send",
        SavedMessage = "Your answers have been saved. Use the link in your email to come back to them. Send them before {0}.",
        CheckHeading = "Check your answers before sending them",
        SentHeading = "Response sent",
        SentNext = "Thank you. Your response is now part of the consultation. The strategy lead reads every response and will publish what they heard and what they changed (\"you said, we did\") with the draft that goes to committee.",
        Views = new Dictionary<PledgeView, string>
        {
            [PledgeView.Agree] = "Agree",
            [PledgeView.Partly] = "Partly agree",
            [PledgeView.Disagree] = "Disagree",
            [PledgeView.DontKnow] = "Don't know",
        },
    };

    public static readonly ConsulteeWording Plain = new()
    {
        IsPlain = true,
        Item = "promise",
        Heading = "Have your say",
        Intro = "We want to know what you think. Read each {0}. Tell us if you agree. You can stop, save and come back later.",
        ViewQuestion = "Do you agree with this {0}?",
        CommentLabel = "Tell us more (you do not have to)",
        GeneralLabel = "Anything else you want to tell us? (you do not have to)",
        GeneralHint = "You could tell us:",
        SaveButton = "Save and finish later",
        ContinueButton = "Next",
        SubmitButton = "Send my answers",
        SavedMessage = "We saved your answers. Use the link in your email to come back. Send them before {0}.",
        CheckHeading = "Check your answers",
        SentHeading = "Thank you. We got your answers",
        SentNext = "We will read everything you told us. We will tell you what we changed because of what young people said.",
        Views = new Dictionary<PledgeView, string>
        {
            [PledgeView.Agree] = "Yes, I agree",
            [PledgeView.Partly] = "I agree with some of it",
            [PledgeView.Disagree] = "No, I do not agree",
            [PledgeView.DontKnow] = "I'm not sure",
        },
    };

    public static ConsulteeWording For(ConsulteeForm? form) =>
        form?.Audience == Audience.YoungPeople ? Plain : Standard(form?.Kind ?? StrategyKind.Pledge);

    public string Format(string template) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Item);

    /// <summary>The value used in forms and JSON: "agree", "partly", "disagree", "dont-know".</summary>
    public static string Value(PledgeView view) => view switch
    {
        PledgeView.Agree => "agree",
        PledgeView.Partly => "partly",
        PledgeView.Disagree => "disagree",
        _ => "dont-know",
    };

    public static PledgeView? Parse(string? value) => value switch
    {
        "agree" => PledgeView.Agree,
        "partly" => PledgeView.Partly,
        "disagree" => PledgeView.Disagree,
        "dont-know" => PledgeView.DontKnow,
        _ => null,
    };
}
