using System.Diagnostics;
using System.Globalization;
using ReviewWorkflow.Workflow.Analysis;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Responses;

// The responses page reads a cycle's responses with one partition query, then filters, counts and pages them in
// memory. This measures the in-memory part for 2,000 submitted responses of about 1 KB each (six pledges, a comment on
// each, 40 themes with 4,000 tags), per filter: median and 95th percentile of 200 runs. ./bench-responses.sh
const int Responses = 2_000;
const int Runs = 200;
var ci = CultureInfo.InvariantCulture;
var cycle = Seed(Responses);
Console.WriteLine(string.Create(ci, $"Responses analysis benchmark: {Responses} submitted responses, {cycle.Themes.Tags.Count} tags, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

var filters = new (string Name, ResponseFilter Filter)[]
{
    ("no filter, page 1", new ResponseFilter()),
    ("no filter, page 40", new ResponseFilter { Page = 40 }),
    ("audience + pledge + view", new ResponseFilter { Audience = Audience.Carers, Pledge = 3, View = PledgeView.DontKnow }),
    ("text search", new ResponseFilter { Search = "housing" }),
    ("theme", new ResponseFilter { ThemeId = "t07" }),
};
Console.WriteLine("| filter | matched | median ms | p95 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, filter) in filters)
{
    var page = ResponseQuery.Run(cycle, filter); // warm-up
    var times = new List<double>(Runs);
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        page = ResponseQuery.Run(cycle, filter);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(ci, $"| {name} | {page.Matched} | {times[Runs / 2]:F2} | {times[Runs * 95 / 100]:F2} |"));
}

static CycleResponses Seed(int n)
{
    var pledges = Enumerable.Range(1, 6).Select(p => $"Pledge {p}: a promise to children in care").ToList();
    var groups = Enum.GetValues<Audience>().Select(a => new ConsulteeGroup { Name = a + " group", Audience = a }).ToList();
    var definition = new ReviewCycleDefinition
    {
        Id = "bench",
        Strategy = new Strategy { Title = "Benchmark", Pledges = pledges },
        Consultation = new ConsultationPlan { Groups = groups },
    };
    var words = new[] { "housing", "school", "social worker", "respite", "health", "money", "friends", "family time" };
    var consultees = Enumerable.Range(0, n).Select(i => new ConsulteeProgress($"c{i:D5}", $"Consultee {i}", $"c{i}@people.example",
        groups[i % 4].Name, groups[i % 4].Audience, ResponseStatus.Submitted, i % 9 == 0, false)).ToList();
    var stored = Enumerable.Range(0, n).Select(i => new StoredResponse
    {
        CycleId = "bench",
        ConsulteeId = $"c{i:D5}",
        Status = ResponseStatus.Submitted,
        SubmittedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
        Content = new ResponseContent
        {
            Answers = [.. pledges.Select((_, p) => new PledgeAnswer
            {
                Pledge = p + 1,
                View = (PledgeView)((i + p) % 4),
                Comment = $"My view on this pledge is about {words[(i + p) % words.Length]}; it matters because of what happened last year and what I want next.",
            })],
            Comments = "General comments of a typical length, written by someone who cares about this strategy.",
        },
    }).ToList();
    var themes = new ThemeSet(
        [.. Enumerable.Range(0, 40).Select(t => new Theme { Id = $"t{t:D2}", Name = $"Theme {t}" })],
        [.. Enumerable.Range(0, 4_000).Select(k => new ThemeTag($"t{k % 40:D2}", $"c{k * 7 % n:D5}", TagPart.ForPledge(k % 6 + 1), "lead@council.example", default))]);
    return CycleResponses.From(new CycleView { CycleId = "bench" }, new CycleReportSource(definition, CouncilSettings.Default, null, 0), consultees, stored, themes);
}
