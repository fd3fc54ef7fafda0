using System.Globalization;
using System.Text.RegularExpressions;
using ReviewWorkflow.Workflow.Deadlines;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Web.Cycles;

/// <summary>A definition made from the form, the errors found while reading it, and where each definition row came from.</summary>
public sealed record MappedCycle(ReviewCycleDefinition Definition, IReadOnlyList<ValidationError> ParseErrors, IReadOnlyList<int> GroupRows, IReadOnlyList<int> RouteRows);

/// <summary>
/// Between the "Start a review" form and <see cref="ReviewCycleDefinition"/>: prefilling the form from a definition
/// (a template), reading the form back (blank rows skipped; what the form cannot show, such as a template's
/// questions and clerks, kept), and pointing the façade's field paths (<c>consultation.groups[1].members[0].email</c>)
/// at the form field that holds them.
/// </summary>
public static partial class CycleFormMapper
{
    /// <summary>The page's property name: form fields are named "Form.Title", "Form.Groups[0].Name" ...</summary>
    public const string Prefix = "Form";

    public static NewCycleForm FromDefinition(ReviewCycleDefinition definition, string? from)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new NewCycleForm
        {
            Title = definition.Strategy.Title,
            Kind = definition.Strategy.Kind == StrategyKind.Pledge ? "pledge" : "strategy",
            OwningService = definition.Strategy.OwningService,
            PeriodStart = Iso(definition.Strategy.PeriodStart),
            PeriodEnd = Iso(definition.Strategy.PeriodEnd),
            Pledges = string.Join('\n', definition.Strategy.Pledges),
            LeadName = definition.Lead.Name,
            LeadEmail = definition.Lead.Email,
            DirectorName = definition.DirectorSignOff?.Name,
            DirectorEmail = definition.DirectorSignOff?.Email,
            Opens = Iso(definition.Consultation.Opens),
            Closes = Iso(definition.Consultation.Closes),
            Groups = [.. definition.Consultation.Groups.Select(g => new GroupRow
            {
                Name = g.Name,
                Audience = AudienceValue(g.Audience),
                Members = string.Join('\n', g.Members.Select(m => $"{m.Name} <{m.Email}>")),
                DirectoryGroupId = g.DirectoryGroupId,
            })],
            DraftingDeadline = Iso(definition.DraftingDeadline),
            Route = [.. definition.Route.Select(r => new RouteRow { Body = r.Body, MeetingDate = Iso(r.MeetingDate), KeyDecision = r.KeyDecision })],
            From = from,
        }.WithRows();
    }

    public static MappedCycle ToDefinition(NewCycleForm form, ReviewCycleDefinition? template)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<ValidationError>();
        var baseline = template ?? new ReviewCycleDefinition();
        var groupRows = new List<int>();
        var groups = new List<ConsulteeGroup>();
        for (var row = 0; row < form.Groups.Count; row++)
        {
            var input = form.Groups[row];
            if (input is null || input.IsBlank)
            {
                continue;
            }

            var before = baseline.Consultation.Groups.ElementAtOrDefault(row) ?? new ConsulteeGroup();
            var audience = ParseAudience(input.Audience);
            if (audience is null)
            {
                errors.Add(new ValidationError(Key($"Groups[{row}].Audience"), $"Choose who group {row + 1} is: young people, carers, staff or partners."));
            }

            groupRows.Add(row);
            groups.Add(before with
            {
                Name = input.Name?.Trim() ?? "",
                Audience = audience ?? before.Audience,
                Members = ParseMembers(input.Members, before.Members),
                DirectoryGroupId = string.IsNullOrWhiteSpace(input.DirectoryGroupId) ? null : input.DirectoryGroupId.Trim(),
            });
        }

        var routeRows = new List<int>();
        var route = new List<RouteStep>();
        for (var row = 0; row < form.Route.Count; row++)
        {
            var input = form.Route[row];
            if (input is null || input.IsBlank)
            {
                continue;
            }

            var before = baseline.Route.ElementAtOrDefault(row) ?? new RouteStep();
            routeRows.Add(row);
            route.Add(before with
            {
                Body = input.Body?.Trim() ?? "",
                MeetingDate = ParseDate(input.MeetingDate, Key($"Route[{row}].MeetingDate"), $"the meeting date of body {row + 1}", errors),
                KeyDecision = input.KeyDecision,
            });
        }

        var director = string.IsNullOrWhiteSpace(form.DirectorName) && string.IsNullOrWhiteSpace(form.DirectorEmail)
            ? null
            : new Person { Name = form.DirectorName?.Trim() ?? "", Email = form.DirectorEmail?.Trim() ?? "" };
        var definition = baseline with
        {
            Id = "",
            Strategy = baseline.Strategy with
            {
                Title = form.Title?.Trim() ?? "",
                Kind = string.Equals(form.Kind, "pledge", StringComparison.OrdinalIgnoreCase) ? StrategyKind.Pledge : StrategyKind.Strategy,
                OwningService = form.OwningService?.Trim() ?? "",
                PeriodStart = ParseDate(form.PeriodStart, Key(nameof(NewCycleForm.PeriodStart)), "the date the period starts", errors),
                PeriodEnd = ParseDate(form.PeriodEnd, Key(nameof(NewCycleForm.PeriodEnd)), "the date the period ends", errors),
                Expiry = null,
                Pledges = Lines(form.Pledges),
            },
            Lead = new Person { Name = form.LeadName?.Trim() ?? "", Email = form.LeadEmail?.Trim() ?? "" },
            DirectorSignOff = director,
            Consultation = baseline.Consultation with
            {
                Opens = ParseDate(form.Opens, Key(nameof(NewCycleForm.Opens)), "the date the consultation opens", errors),
                Closes = ParseDate(form.Closes, Key(nameof(NewCycleForm.Closes)), "the date the consultation closes", errors),
                Groups = groups,
            },
            DraftingDeadline = ParseDate(form.DraftingDeadline, Key(nameof(NewCycleForm.DraftingDeadline)), "the drafting deadline", errors),
            Route = route,
        };
        return new MappedCycle(definition, errors, groupRows, routeRows);
    }

    /// <summary>The form field (its ModelState key) that holds the façade's <paramref name="path"/>; the title for anything the form does not show.</summary>
    public static string FieldFor(string path, MappedCycle mapped)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(mapped);
        var row = RowPath().Match(path);
        if (row.Success)
        {
            var index = int.Parse(row.Groups["index"].Value, CultureInfo.InvariantCulture);
            var rest = row.Groups["rest"].Value;
            if (row.Groups["list"].Value == "route")
            {
                var r = mapped.RouteRows.ElementAtOrDefault(index);
                return Key(rest switch
                {
                    "meetingDate" or "meetingTime" => $"Route[{r}].MeetingDate",
                    "keyDecision" => $"Route[{r}].KeyDecision",
                    _ => $"Route[{r}].Body",
                });
            }

            var g = mapped.GroupRows.ElementAtOrDefault(index);
            return Key(rest switch
            {
                "audience" => $"Groups[{g}].Audience",
                "members" => $"Groups[{g}].Members",
                "directoryGroupId" => $"Groups[{g}].DirectoryGroupId",
                _ => $"Groups[{g}].Name",
            });
        }

        var top = path.Split('[', 2)[0];
        return Key(top switch
        {
            "strategy.kind" => nameof(NewCycleForm.Kind),
            "strategy.owningService" => nameof(NewCycleForm.OwningService),
            "strategy.periodStart" => nameof(NewCycleForm.PeriodStart),
            "strategy.periodEnd" or "strategy.expiry" => nameof(NewCycleForm.PeriodEnd),
            "strategy.pledges" => nameof(NewCycleForm.Pledges),
            "lead.name" => nameof(NewCycleForm.LeadName),
            "lead.email" or "lead" => nameof(NewCycleForm.LeadEmail),
            "directorSignOff.name" => nameof(NewCycleForm.DirectorName),
            "directorSignOff.email" or "directorSignOff" => nameof(NewCycleForm.DirectorEmail),
            "consultation.opens" => nameof(NewCycleForm.Opens),
            "consultation.closes" => nameof(NewCycleForm.Closes),
            "consultation.groups" => "Groups[0].Name",
            "draftingDeadline" => nameof(NewCycleForm.DraftingDeadline),
            "route" => "Route[0].Body",
            _ => nameof(NewCycleForm.Title),
        });
    }

    public static string Key(string field) => $"{Prefix}.{field}";

    public static string AudienceValue(Audience audience) => audience switch
    {
        Audience.YoungPeople => "young-people",
        Audience.Carers => "carers",
        Audience.Staff => "staff",
        _ => "partners",
    };

    private static Audience? ParseAudience(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "young-people" => Audience.YoungPeople,
        "carers" => Audience.Carers,
        "staff" => Audience.Staff,
        "partners" => Audience.Partners,
        _ => null,
    };

    /// <summary>"Name &lt;email&gt;", "Name, email" or a bare address per line; an organisation known from the template is kept.</summary>
    internal static List<Consultee> ParseMembers(string? text, IReadOnlyList<Consultee> before)
    {
        var known = before.GroupBy(m => m.Email.Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var members = new List<Consultee>();
        foreach (var line in Lines(text))
        {
            string name, email;
            if (AngleAddress().Match(line) is { Success: true } angle)
            {
                (name, email) = (angle.Groups["name"].Value.Trim().Trim('"'), angle.Groups["email"].Value.Trim());
            }
            else if (line.LastIndexOf(',') is var comma and >= 0)
            {
                (name, email) = (line[..comma].Trim(), line[(comma + 1)..].Trim());
            }
            else
            {
                (name, email) = line.Contains('@', StringComparison.Ordinal) ? ("", line) : (line, "");
            }

            members.Add(new Consultee { Name = name, Email = email, Organisation = known.TryGetValue(email.ToLowerInvariant(), out var was) ? was.Organisation : null });
        }

        return members;
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static DateOnly ParseDate(string? text, string key, string what, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateText.TryParse(text, out var date))
        {
            return date;
        }

        errors.Add(new ValidationError(key, $"Enter {what} as a real date, for example 2027-01-04."));
        return default;
    }

    private static string Iso(DateOnly date) => DateText.Iso(date);

    [GeneratedRegex(@"^(?<list>consultation\.groups|route)\[(?<index>\d{1,4})\](?:\.(?<rest>\w+))?")]
    private static partial Regex RowPath();

    [GeneratedRegex(@"^(?<name>[^<]*)<(?<email>[^>]+)>\s*$")]
    private static partial Regex AngleAddress();
}
