using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>Turns the posted form into response content, and the store's field errors back into the form's fields.</summary>
internal static partial class ResponseForm
{
    /// <summary>The content, or null with errors in <paramref name="modelState"/> (a comment without a view, an
    /// unknown view).</summary>
    public static ResponseContent? Read(ResponseInput input, ConsulteeWording wording, ModelStateDictionary modelState)
    {
        var answers = new List<PledgeAnswer>();
        for (var i = 0; i < input.Pledges.Count; i++)
        {
            var pledge = input.Pledges[i];
            var number = i + 1;
            if (string.IsNullOrEmpty(pledge.View))
            {
                if (!string.IsNullOrWhiteSpace(pledge.Comment))
                {
                    modelState.AddModelError(ResponseInput.ViewKey(i), wording.IsPlain
                        ? $"Pick an answer for {wording.Item} {number} to go with what you wrote"
                        : $"Choose what you think of {wording.Item} {number}, to go with your comment");
                }

                continue;
            }

            if (ConsulteeWording.Parse(pledge.View) is not { } view)
            {
                modelState.AddModelError(ResponseInput.ViewKey(i), $"Choose one of the answers for {wording.Item} {number}");
                continue;
            }

            answers.Add(new PledgeAnswer { Pledge = number, View = view, Comment = string.IsNullOrWhiteSpace(pledge.Comment) ? null : pledge.Comment });
        }

        // Length checks come from the service (the same words as the API), after this.
        var content = new ResponseContent { Answers = answers, Comments = string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments };
        return modelState.ErrorCount == 0 ? content : null;
    }

    /// <summary>Field errors from the service or the store (<c>answers[2].comment</c> indexes the content's answers)
    /// put against the form's fields.</summary>
    public static void AddErrors(IEnumerable<ValidationError> errors, ResponseContent content, ModelStateDictionary modelState)
    {
        foreach (var error in errors)
        {
            var match = AnswerField().Match(error.Field);
            var key = error.Field switch
            {
                "comments" => ResponseInput.CommentsKey,
                SharedLink.Field => ResponseInput.SavedByKey,
                _ when match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n < content.Answers.Count
                    => match.Groups[2].Value == "comment" ? ResponseInput.CommentKey(content.Answers[n].Pledge - 1) : ResponseInput.ViewKey(content.Answers[n].Pledge - 1),
                _ => ResponseInput.ViewKey(0),
            };
            modelState.AddModelError(key, error.Message);
        }
    }

    [GeneratedRegex(@"^answers\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex AnswerField();
}
