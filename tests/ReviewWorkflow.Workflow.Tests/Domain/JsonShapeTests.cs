using System.Text.Json;
using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.Tests.Fixtures;

namespace ReviewWorkflow.Workflow.Tests.Domain;

public class JsonShapeTests
{
    [Fact]
    public void Definition_SerialisesCamelCase_WithKebabEnumsAndIsoDates()
    {
        var json = JsonSerializer.Serialize(RutlandLikeCycle.Definition, WorkflowJson.Options);
        Assert.Contains("\"draftingDeadline\":\"2027-03-12\"", json, StringComparison.Ordinal);
        Assert.Contains("\"audience\":\"young-people\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"pledge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"route\":[{\"body\":\"Corporate Parenting Panel\",\"meetingDate\":\"2027-03-30\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_RoundTrips()
    {
        var json = JsonSerializer.Serialize(RutlandLikeCycle.Definition, WorkflowJson.Options);
        var back = JsonSerializer.Deserialize<ReviewCycleDefinition>(json, WorkflowJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, WorkflowJson.Options));
        Assert.Equal(12, back.AllConsultees().Count());
    }

    [Fact]
    public void ApiShapedRequest_WithOnlyTheMinimumFields_Deserialises()
    {
        const string json = """
            { "strategy": { "title": "Pledge", "periodStart": "2027-06-01", "periodEnd": "2030-05-31", "pledges": ["One"] },
              "lead": { "name": "Alex", "email": "lead@council.example" },
              "consultation": { "closes": "2027-02-12", "groups": [ { "name": "Carers", "audience": "carers", "members": [ { "name": "Pat", "email": "pat@carers.example" } ] } ] },
              "draftingDeadline": "2027-03-12",
              "route": [ { "body": "Cabinet", "meetingDate": "2027-04-20", "keyDecision": true } ] }
            """;
        var definition = JsonSerializer.Deserialize<ReviewCycleDefinition>(json, WorkflowJson.Options)!;
        Assert.Equal(Audience.Carers, definition.Consultation.Groups[0].Audience);
        Assert.True(definition.Route[0].KeyDecision);
        Assert.Equal(new DateOnly(2030, 5, 31), definition.Strategy.EffectiveExpiry);
    }

    [Theory]
    [InlineData(DecisionOutcome.ReferBack, "\"refer-back\"")]
    [InlineData(DecisionOutcome.Adopt, "\"adopt\"")]
    [InlineData(LateResponseRule.AcceptAndMarkLate, "\"accept-and-mark-late\"")]
    public void Enums_AreKebabCaseText(object value, string expected) =>
        Assert.Equal(expected, JsonSerializer.Serialize(value, value.GetType(), WorkflowJson.Options));

    [Fact]
    public void Enums_RefuseNumbers() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DecisionOutcome>("3", WorkflowJson.Options));

    [Fact]
    public void Settings_RoundTripWithDefaults()
    {
        var json = JsonSerializer.Serialize(CouncilSettings.Default, WorkflowJson.Options);
        var back = JsonSerializer.Deserialize<CouncilSettings>(json, WorkflowJson.Options)!;
        Assert.Equal(5, back.PublicationClearDays);
        Assert.Equal(56, back.BankHolidays.Count);
        Assert.Equal(LateResponseRule.AcceptAndMarkLate, back.LateResponses);
    }
}
