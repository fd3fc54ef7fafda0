using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Analysis;

public sealed partial class ResponseAnalysis
{
    /// <summary>Makes a theme named <paramref name="name"/>; its id comes from the idempotency key, so a retry finds
    /// the theme it made instead of making a second.</summary>
    public async Task<ThemeResult> CreateThemeAsync(string cycleId, string? name, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (KeyProblem(idempotencyKey) is { } problem)
        {
            return problem;
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > ThemeRules.MaxNameLength)
        {
            return ThemeResult.Invalid("name", string.Create(CultureInfo.InvariantCulture, $"Enter a theme name of 1 to {ThemeRules.MaxNameLength} characters."));
        }

        if (await cycles.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ThemeResult.NotFound(cycleId);
        }

        var set = await themes.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        var id = ThemeId(cycleId, idempotencyKey);
        if (set.Find(id) is not null)
        {
            return new ThemeResult(CycleResultKind.Repeated, [], id);
        }

        if (set.FindByName(trimmed) is not null)
        {
            return ThemeResult.Invalid("name", "You already have a theme with that name.");
        }

        if (set.Themes.Count >= ThemeRules.MaxThemes)
        {
            return ThemeResult.Invalid("name", string.Create(CultureInfo.InvariantCulture, $"A cycle has at most {ThemeRules.MaxThemes} themes."));
        }

        await AuditAsync(cycleId, actor, ThemeAuditActions.ThemeCreated, trimmed, new JsonObject { ["themeId"] = id }, requestId, "theme:" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        var theme = new Theme { Id = id, Name = trimmed, CreatedBy = actor.Email, CreatedAt = time.GetUtcNow() };
        var added = await themes.AddThemeAsync(cycleId, theme, cancellationToken).ConfigureAwait(false);
        return new ThemeResult(added ? CycleResultKind.Accepted : CycleResultKind.Repeated, [], id);
    }

    /// <summary>Tags a submitted response (<c>part</c> "response") or one of its comments with a theme.</summary>
    public async Task<ThemeResult> TagAsync(string cycleId, string? themeId, string? consulteeId, string? part, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (target, refusal) = await TargetAsync(cycleId, themeId, consulteeId, part, idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (target is not { } t)
        {
            return refusal!;
        }

        if (t.Set.IsTagged(t.Theme.Id, t.ConsulteeId, t.Part))
        {
            return new ThemeResult(CycleResultKind.Repeated, [], t.Theme.Id);
        }

        await AuditAsync(cycleId, actor, ThemeAuditActions.ResponseTagged, t.ConsulteeId, Details(t), requestId, "tag:" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        var added = await themes.AddTagAsync(cycleId, new ThemeTag(t.Theme.Id, t.ConsulteeId, t.Part, actor.Email, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new ThemeResult(added ? CycleResultKind.Accepted : CycleResultKind.Repeated, [], t.Theme.Id);
    }

    /// <summary>Takes a theme off a response or comment; a quote of that response is dropped when no tag of the theme is left on it.</summary>
    public async Task<ThemeResult> UntagAsync(string cycleId, string? themeId, string? consulteeId, string? part, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (target, refusal) = await TargetAsync(cycleId, themeId, consulteeId, part, idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (target is not { } t)
        {
            return refusal!;
        }

        var tag = t.Set.TagsOf(t.Theme.Id).FirstOrDefault(x => x.ConsulteeId == t.ConsulteeId && x.Part == t.Part);
        if (tag is null)
        {
            return new ThemeResult(CycleResultKind.Repeated, [], t.Theme.Id);
        }

        await AuditAsync(cycleId, actor, ThemeAuditActions.ResponseUntagged, t.ConsulteeId, Details(t), requestId, "untag:" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        var removed = await themes.RemoveTagAsync(cycleId, tag, cancellationToken).ConfigureAwait(false);
        var stillTagged = t.Set.TagsOf(t.Theme.Id).Any(x => x.ConsulteeId == t.ConsulteeId && x != tag);
        if (!stillTagged && t.Theme.Quotes.Any(q => q.ConsulteeId == t.ConsulteeId))
        {
            await ChangeQuotesAsync(cycleId, t.Theme.Id, quotes => [.. quotes.Where(q => q.ConsulteeId != t.ConsulteeId)], cancellationToken).ConfigureAwait(false);
        }

        return new ThemeResult(removed ? CycleResultKind.Accepted : CycleResultKind.Repeated, [], t.Theme.Id);
    }

    /// <summary>Chooses one comment of a response tagged with the theme as a quote for it (at most <see cref="ThemeRules.MaxQuotes"/>).</summary>
    public async Task<ThemeResult> ChooseQuoteAsync(string cycleId, string? themeId, string? consulteeId, string? part, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (target, refusal) = await TargetAsync(cycleId, themeId, consulteeId, part, idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (target is not { } t)
        {
            return refusal!;
        }

        var quote = new ThemeQuote(t.ConsulteeId, t.Part);
        if (t.Theme.Quotes.Contains(quote))
        {
            return new ThemeResult(CycleResultKind.Repeated, [], t.Theme.Id);
        }

        if (!t.Part.IsComment)
        {
            return ThemeResult.Invalid("part", "Choose one comment to quote, not the whole response.");
        }

        if (!t.Set.TagsOf(t.Theme.Id).Any(x => x.ConsulteeId == t.ConsulteeId))
        {
            return ThemeResult.Invalid("consulteeId", "Tag the response with this theme before quoting it.");
        }

        if (t.Theme.Quotes.Count >= ThemeRules.MaxQuotes)
        {
            return ThemeResult.Invalid("part", string.Create(CultureInfo.InvariantCulture, $"A theme has at most {ThemeRules.MaxQuotes} quotes; remove one first."));
        }

        await AuditAsync(cycleId, actor, ThemeAuditActions.QuoteChosen, t.ConsulteeId, Details(t), requestId, "quote:" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        return await ChangeQuotesAsync(cycleId, t.Theme.Id, quotes => quotes.Contains(quote) || quotes.Count >= ThemeRules.MaxQuotes ? null : [.. quotes, quote], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops quoting a comment for the theme (the tag stays).</summary>
    public async Task<ThemeResult> RemoveQuoteAsync(string cycleId, string? themeId, string? consulteeId, string? part, Actor actor, string requestId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (target, refusal) = await TargetAsync(cycleId, themeId, consulteeId, part, idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (target is not { } t)
        {
            return refusal!;
        }

        var quote = new ThemeQuote(t.ConsulteeId, t.Part);
        if (!t.Theme.Quotes.Contains(quote))
        {
            return new ThemeResult(CycleResultKind.Repeated, [], t.Theme.Id);
        }

        await AuditAsync(cycleId, actor, ThemeAuditActions.QuoteRemoved, t.ConsulteeId, Details(t), requestId, "unquote:" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        return await ChangeQuotesAsync(cycleId, t.Theme.Id, quotes => quotes.Contains(quote) ? [.. quotes.Where(q => q != quote)] : null, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Target(ThemeSet Set, Theme Theme, string ConsulteeId, TagPart Part);

    /// <summary>Checks a tag or quote's theme, response and part against the cycle as it is now.</summary>
    private async Task<(Target? Target, ThemeResult? Refusal)> TargetAsync(string cycleId, string? themeId, string? consulteeId, string? part, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (KeyProblem(idempotencyKey) is { } problem)
        {
            return (null, problem);
        }

        if (await LoadAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return (null, ThemeResult.NotFound(cycleId));
        }

        if (cycle.Themes.Find(themeId) is not { } theme)
        {
            return (null, ThemeResult.Invalid("themeId", "Choose one of the cycle's themes."));
        }

        if (cycle.Find(consulteeId) is not { } response)
        {
            return (null, ThemeResult.Invalid("consulteeId", "There is no submitted response from that consultee in this cycle."));
        }

        if (TagPart.Parse(part) is not { } parsed || !response.Has(parsed))
        {
            return (null, ThemeResult.Invalid("part", "Choose the whole response or one of the comments it has."));
        }

        return (new Target(cycle.Themes, theme, response.ConsulteeId, parsed), null);
    }

    /// <summary>Read, change, write guarded by the theme row's ETag; on a lost race read again and decide again.
    /// <paramref name="change"/> returns null when, on the fresh read, there is nothing to do.</summary>
    private async Task<ThemeResult> ChangeQuotesAsync(string cycleId, string themeId, Func<IReadOnlyList<ThemeQuote>, IReadOnlyList<ThemeQuote>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var theme = (await themes.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false)).Find(themeId);
            if (theme is null || change(theme.Quotes) is not { } quotes)
            {
                return new ThemeResult(CycleResultKind.Repeated, [], themeId);
            }

            if (await themes.ReplaceQuotesAsync(cycleId, theme, quotes, cancellationToken).ConfigureAwait(false))
            {
                return new ThemeResult(CycleResultKind.Accepted, [], themeId);
            }
        }

        return ThemeResult.Conflict("themeId", "Someone else kept changing this theme's quotes; try again.");
    }

    private static JsonObject Details(Target target) => new()
    {
        ["themeId"] = target.Theme.Id,
        ["theme"] = target.Theme.Name,
        ["part"] = target.Part.Text,
    };

    private Task<AuditEntry> AuditAsync(string cycleId, Actor actor, string action, string subject, JsonObject details, string requestId, string key, CancellationToken cancellationToken) =>
        audit.AppendAsync(cycleId, new AuditEvent
        {
            Actor = actor.Email,
            Role = actor.Role,
            Action = action,
            Subject = subject,
            Details = details,
            RequestId = requestId,
            IdempotencyKey = key,
        }, cancellationToken);

    private static ThemeResult? KeyProblem(string? idempotencyKey) =>
        string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200
            ? ThemeResult.Invalid("idempotencyKey", "Send an idempotency key of 1 to 200 characters, so a retried request is applied once.")
            : null;

    /// <summary>"t" and 12 hex digits of SHA-256 over the cycle and the key: the same request always names the same theme.</summary>
    private static string ThemeId(string cycleId, string idempotencyKey) =>
        "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cycleId + "\n" + idempotencyKey)))[..12];
}
