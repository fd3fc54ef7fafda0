using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Checks a draft from the lead: a version, a working link, and complete "you said, we did" entries.</summary>
public static class DraftValidator
{
    public const int Version = 50;
    public const int DocumentUrl = 2_000;
    public const int Theme = 200;
    public const int Text = 5_000;
    public const int Entries = 100;

    public static IReadOnlyList<ValidationError> Validate(DraftSubmission draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ErrorCollector();
        errors.Line("version", draft.Version, "the draft's version (for example \"0.3\")", Version);
        if (errors.Text("documentUrl", draft.DocumentUrl, "a link to the draft document", DocumentUrl)
            && !(Uri.TryCreate(draft.DocumentUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("documentUrl", "Enter the full link to the draft document, starting with https://.");
        }

        var entries = draft.YouSaidWeDid ?? [];
        errors.Count("youSaidWeDid", entries, "\"you said, we did\" entries", Entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? new YouSaidWeDid();
            var path = $"youSaidWeDid[{i}]";
            errors.Line($"{path}.theme", entry.Theme, $"the theme or pledge of \"you said, we did\" entry {i + 1}", Theme);
            errors.Text($"{path}.youSaid", entry.YouSaid, $"what consultees said (entry {i + 1})", Text);
            errors.Text($"{path}.weDid", entry.WeDid, $"what the draft does about it (entry {i + 1})", Text);
        }

        return errors.Errors;
    }
}
