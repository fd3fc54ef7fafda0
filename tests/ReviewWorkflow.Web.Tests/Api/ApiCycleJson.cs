using System.Text.Json.Nodes;

namespace ReviewWorkflow.Web.Tests.Api;

/// <summary>Request bodies for a small cycle in the spring 2026 calendar (the API twin of the app tests' SmallCycle):
/// consultation 2-13 March, drafting to 20 March, Corporate Parenting Panel on 1 April, Cabinet on 15 April.</summary>
internal static class ApiCycleJson
{
    public const string LeadEmail = "lead@council.example";
    public const string ClerkEmail = "clerk@council.example";
    public const string AdminEmail = "admin@council.example";
    public const string Panel = "Corporate Parenting Panel";
    public const string Cabinet = "Cabinet";
    public static readonly DateOnly PanelMeets = new(2026, 4, 1);
    public static readonly DateOnly CabinetMeets = new(2026, 4, 15);

    public static JsonObject Start() => new()
    {
        ["strategy"] = new JsonObject
        {
            ["title"] = "Care Leavers Local Offer 2026-2029",
            ["kind"] = "pledge",
            ["owningService"] = "Children's Social Care",
            ["periodStart"] = "2026-06-01",
            ["periodEnd"] = "2029-05-31",
            ["pledges"] = new JsonArray("Care leavers have a safe, stable home", "Care leavers have help into work, education or training"),
        },
        ["lead"] = new JsonObject { ["name"] = "Alex Example", ["email"] = LeadEmail },
        ["consultation"] = new JsonObject
        {
            ["closes"] = "2026-03-13",
            ["groups"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "Voices Matter (Children in Care Council)",
                    ["audience"] = "young-people",
                    ["members"] = new JsonArray(Member("Riley", "riley@young.example"), Member("Casey", "casey@young.example")),
                },
                new JsonObject
                {
                    ["name"] = "Foster carers",
                    ["audience"] = "carers",
                    ["members"] = new JsonArray(Member("Pat Carer", "pat@carers.example")),
                }),
        },
        ["draftingDeadline"] = "2026-03-20",
        ["route"] = new JsonArray(
            new JsonObject { ["body"] = Panel, ["meetingDate"] = "2026-04-01", ["keyDecision"] = false, ["clerkEmail"] = ClerkEmail },
            new JsonObject { ["body"] = Cabinet, ["meetingDate"] = "2026-04-15", ["keyDecision"] = false, ["clerkEmail"] = ClerkEmail }),
    };

    public static JsonObject Draft() => new()
    {
        ["version"] = "1.0",
        ["documentUrl"] = "https://docs.council.example/local-offer-1.0.docx",
        ["youSaidWeDid"] = new JsonArray(new JsonObject
        {
            ["theme"] = "Pledge 1: a safe, stable home",
            ["youSaid"] = "Help with the first tenancy.",
            ["weDid"] = "A setting-up-home grant and a named housing officer.",
        }),
    };

    public static JsonObject Decision(string body, DateOnly meeting, string outcome) => new()
    {
        ["body"] = body,
        ["meetingDate"] = $"{meeting:yyyy-MM-dd}",
        ["outcome"] = outcome,
        ["agendaItem"] = "7",
        ["minuteReference"] = $"{body[..3].ToUpperInvariant()}/{meeting:yyyy}/{meeting.DayOfYear}",
        ["resolution"] = $"{body} resolved: {outcome}.",
    };

    /// <summary>A UK midday on <paramref name="day"/> (BST from 29 March 2026).</summary>
    public static DateTimeOffset Midday(DateOnly day) => new(day, new TimeOnly(11, 0), TimeSpan.Zero);

    private static JsonObject Member(string name, string email) => new() { ["name"] = name, ["email"] = email };
}
