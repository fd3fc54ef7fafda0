using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Responses;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Responses;

/// <summary>A store on a fresh Azurite table, a clock on 1 February 2027 (consultation closes 12 February), six pledges.</summary>
public abstract class ResponseStoreTestBase
{
    protected const string Cycle = "cic-2027";
    protected const string Consultee = "c-0123456789abcdef0123";

    internal ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));

    protected static ResponseRules Rules { get; } = new() { PledgeCount = 6, Closes = new DateOnly(2027, 2, 12) };

    protected static ResponseRules Refusing { get; } = Rules with { LateResponses = LateResponseRule.Refuse };

    protected async Task<ResponseStore> StoreAsync() => new(await TestTables.CreateAsync("resp"), Clock);

    protected static ResponseContent Content(string comments, params (int Pledge, PledgeView View, string? Comment)[] answers) => new()
    {
        Comments = comments,
        Answers = answers.Select(a => new PledgeAnswer { Pledge = a.Pledge, View = a.View, Comment = a.Comment }).ToList(),
    };
}
