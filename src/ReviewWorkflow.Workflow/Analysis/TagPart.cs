using System.Globalization;

namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>
/// What a tag or quote points at in one response: the whole response ("response"), its general comments ("general"),
/// or its comment on pledge n ("pledge-n", 1-based). Text, so it reads the same in the table, the API and the forms.
/// </summary>
public readonly record struct TagPart
{
    public const string WholeText = "response";
    public const string GeneralText = "general";
    private const string PledgePrefix = "pledge-";

    private TagPart(string text, int pledge)
    {
        Text = text;
        Pledge = pledge;
    }

    public static TagPart Whole { get; } = new(WholeText, 0);

    public static TagPart General { get; } = new(GeneralText, 0);

    public static TagPart ForPledge(int pledge) => new(PledgePrefix + pledge.ToString(CultureInfo.InvariantCulture), pledge);

    /// <summary>"response", "general" or "pledge-n".</summary>
    public string Text { get; }

    /// <summary>The pledge (1-based) for a pledge comment, else 0.</summary>
    public int Pledge { get; }

    public bool IsComment => Text != WholeText;

    public override string ToString() => Text ?? WholeText;

    /// <summary>The part named by <paramref name="text"/>, or null when it names none.</summary>
    public static TagPart? Parse(string? text)
    {
        var value = text?.Trim();
        if (value == WholeText || string.IsNullOrEmpty(value))
        {
            return string.IsNullOrEmpty(value) ? null : Whole;
        }

        if (value == GeneralText)
        {
            return General;
        }

        return value.StartsWith(PledgePrefix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(PledgePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pledge) && pledge is > 0 and <= 100
            ? ForPledge(pledge)
            : null;
    }
}
