using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Responses;

/// <summary>Checks a response before it is stored; messages speak to the consultee.</summary>
public static class ResponseValidator
{
    public static IReadOnlyList<ValidationError> Validate(ResponseContent content, string contributor, int pledgeCount)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(contributor))
        {
            errors.Add(new("contributor", "Enter your name, so others working on this response can see who saved it."));
        }
        else if (ResponseLimits.CheckContributor(contributor) is { } tooLong)
        {
            errors.Add(tooLong);
        }

        var answers = content.Answers ?? [];
        var seen = new HashSet<int>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var path = $"answers[{i}]";
            if (answer is null)
            {
                errors.Add(new(path, "Remove the empty answer."));
                continue;
            }

            if (answer.Pledge < 1 || answer.Pledge > pledgeCount)
            {
                errors.Add(new($"{path}.pledge", pledgeCount == 0
                    ? "There are no pledges to answer in this consultation; use the general comments instead."
                    : $"Choose a pledge from 1 to {pledgeCount} (this answer is for {answer.Pledge})."));
            }
            else if (!seen.Add(answer.Pledge))
            {
                errors.Add(new($"{path}.pledge", $"Pledge {answer.Pledge} is answered twice; keep one answer per pledge."));
            }

            if (!Enum.IsDefined(answer.View))
            {
                errors.Add(new($"{path}.view", "Choose agree, partly, disagree or don't know."));
            }

            if (ResponseLimits.CheckComment(i, answer) is { } commentTooLong)
            {
                errors.Add(commentTooLong);
            }
        }

        if (ResponseLimits.CheckGeneralComments(content.Comments) is { } general)
        {
            errors.Add(general);
        }

        return errors;
    }
}
