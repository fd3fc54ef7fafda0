using System.Globalization;
using System.Text.Json;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Consultees;

/// <summary>
/// Reads <c>{ "answers": [ { "pledge": 1, "view": "agree", "comment": "..." } ], "comments": "..." }</c> by hand, so
/// every mistake is reported against its JSON path (<c>answers[2].view</c>) instead of a serializer exception.
/// Unknown properties are refused by name: a misspelt field ("coments") would otherwise save nothing in its place,
/// and the consultee would believe it was kept.
/// </summary>
internal static class ResponseJson
{
    private const string Views = "agree, partly, disagree or dont-know";

    /// <summary>The content, and <paramref name="savedBy"/>: the name typed by whoever saves on a partner's shared link.</summary>
    public static ResponseContent? Read(JsonElement root, Dictionary<string, string[]> errors, out string? savedBy)
    {
        savedBy = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Send a JSON object: { \"answers\": [ { \"pledge\": 1, \"view\": \"agree\", \"comment\": \"...\" } ], \"comments\": \"...\" }."];
            return null;
        }

        Unknown(root, "", ["answers", "comments", SharedLink.Field], errors);
        var answers = new List<PledgeAnswer>();
        if (root.TryGetProperty("answers", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors["answers"] = ["Send answers as a list: [ { \"pledge\": 1, \"view\": \"agree\" } ]."];
            }
            else
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (ReadAnswer(item, $"answers[{i}]", errors) is { } answer)
                    {
                        answers.Add(answer);
                    }

                    i++;
                }
            }
        }

        var comments = Text(root, "comments", "comments", "Send your general comments as text.", errors);
        savedBy = Text(root, SharedLink.Field, SharedLink.Field, "Send your name as text.", errors);
        return errors.Count == 0 ? new ResponseContent { Answers = answers, Comments = comments } : null;
    }

    private static PledgeAnswer? ReadAnswer(JsonElement item, string path, Dictionary<string, string[]> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors[path] = ["Send each answer as an object with pledge, view and comment."];
            return null;
        }

        var before = errors.Count;
        Unknown(item, path + ".", ["pledge", "view", "comment"], errors);
        var pledge = 0;
        if (!item.TryGetProperty("pledge", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out pledge))
        {
            errors[path + ".pledge"] = ["Send the pledge's number in the list, starting at 1."];
        }

        PledgeView? view = null;
        if (!item.TryGetProperty("view", out var text) || text.ValueKind != JsonValueKind.String)
        {
            errors[path + ".view"] = [$"Choose a view: {Views}."];
        }
        else if ((view = ConsulteeWording.Parse(text.GetString())) is null)
        {
            errors[path + ".view"] = [string.Create(CultureInfo.InvariantCulture, $"'{Clip(text.GetString())}' is not a view; choose {Views}.")];
        }

        var comment = Text(item, "comment", path + ".comment", "Send the comment as text.", errors);
        return errors.Count == before ? new PledgeAnswer { Pledge = pledge, View = view!.Value, Comment = comment } : null;
    }

    private static string? Text(JsonElement parent, string name, string path, string message, Dictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[path] = [message];
            return null;
        }

        return value.GetString();
    }

    private static void Unknown(JsonElement parent, string prefix, string[] known, Dictionary<string, string[]> errors)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors[prefix + Clip(property.Name)] = [$"'{Clip(property.Name)}' is not a field here; send only {string.Join(", ", known)}."];
            }
        }
    }

    private static string Clip(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
