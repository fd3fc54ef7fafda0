using System.Globalization;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>How much a consultee may write, and the one wording of each "too long" message: the store's validator, the
/// form, the API and the body-size refusal all use these.</summary>
public static class ResponseLimits
{
    public const int Comment = 5_000;
    public const int GeneralComments = 10_000;
    public const int ContributorName = 200;

    /// <summary>Said when a request body is larger than any allowed response could be.</summary>
    public static readonly string TooLargeMessage = string.Create(CultureInfo.InvariantCulture,
        $"Send less at once: comments are limited to {Comment:N0} characters each and {GeneralComments:N0} for general comments. Nothing was changed.");

    /// <summary>Each comment over its limit, as what to do ("Shorten your comment on pledge 2 to 5,000 characters or
    /// fewer (it has 5,001)"). <paramref name="item"/>: what the form calls a pledge (pledge, priority, promise).</summary>
    public static IReadOnlyList<ValidationError> CheckLengths(ResponseContent content, string item = "pledge")
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<ValidationError>();
        var answers = content.Answers ?? [];
        for (var i = 0; i < answers.Count; i++)
        {
            if (CheckComment(i, answers[i], item) is { } error)
            {
                errors.Add(error);
            }
        }

        if (CheckGeneralComments(content.Comments) is { } general)
        {
            errors.Add(general);
        }

        return errors;
    }

    /// <summary>Answer <paramref name="index"/>'s comment over its limit, or null.</summary>
    public static ValidationError? CheckComment(int index, PledgeAnswer? answer, string item = "pledge") => answer?.Comment is { Length: > Comment } comment
        ? new($"answers[{index}].comment", TooLong($"your comment on {item} {answer.Pledge}", comment.Length, Comment))
        : null;

    /// <summary>The general comments over their limit, or null.</summary>
    public static ValidationError? CheckGeneralComments(string? comments) => comments is { Length: > GeneralComments } general
        ? new("comments", TooLong("your other comments", general.Length, GeneralComments))
        : null;

    /// <summary>The contributor's name over its limit, or null.</summary>
    public static ValidationError? CheckContributor(string contributor) => contributor is { Length: > ContributorName }
        ? new("contributor", TooLong("your name", contributor.Length, ContributorName))
        : null;

    private static string TooLong(string what, int length, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"Shorten {what} to {max:N0} characters or fewer (it has {length:N0}).");
}
