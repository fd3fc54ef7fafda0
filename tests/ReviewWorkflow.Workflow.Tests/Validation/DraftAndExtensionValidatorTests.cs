using ReviewWorkflow.Workflow.Council;
using ReviewWorkflow.Workflow.Domain;
using ReviewWorkflow.Workflow.Tests.Fixtures;
using ReviewWorkflow.Workflow.Validation;

namespace ReviewWorkflow.Workflow.Tests.Validation;

public class DraftAndExtensionValidatorTests
{
    private static readonly DraftSubmission Draft = new()
    {
        Version = "0.3",
        DocumentUrl = "https://documents.council.example/cic-pledge-2027-v0.3.docx",
        YouSaidWeDid = [new YouSaidWeDid { Theme = "Pledge 2: safe placements", YouSaid = "Moves happen without warning.", WeDid = "Every planned move now includes meeting new carers first." }],
    };

    [Fact]
    public void Draft_Complete_HasNoErrors() => Assert.Empty(DraftValidator.Validate(Draft));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("documents/draft.docx")]
    [InlineData("ftp://documents.council.example/x")]
    public void Draft_LinkMustBeAbsoluteHttp(string url) =>
        Assert.Equal("documentUrl", Assert.Single(DraftValidator.Validate(Draft with { DocumentUrl = url })).Field);

    [Fact]
    public void Draft_IncompleteYouSaidWeDid_NamesTheEntry() =>
        Assert.Equal(["version", "youSaidWeDid[1].weDid"], DraftValidator.Validate(Draft with
        {
            Version = "",
            YouSaidWeDid = [.. Draft.YouSaidWeDid, new YouSaidWeDid { Theme = "Pledge 5", YouSaid = "Nobody asks us." }],
        }).Select(e => e.Field));

    [Fact]
    public void Extend_ToALaterDateBeforeTheDraftingDeadline_IsAccepted() =>
        Assert.Empty(ConsultationChangeValidator.Extend(RutlandLikeCycle.Definition, new DateOnly(2027, 2, 26), new DateOnly(2027, 2, 10)));

    [Theory]
    [InlineData(2027, 2, 12, "already closes on 12 February 2027")]
    [InlineData(2027, 3, 12, "on or after the drafting deadline (12 March 2027)")]
    public void Extend_BadDates_SayWhy(int y, int m, int d, string expected) =>
        Assert.Contains(expected, Assert.Single(ConsultationChangeValidator.Extend(RutlandLikeCycle.Definition, new DateOnly(y, m, d), new DateOnly(2027, 2, 10))).Message, StringComparison.Ordinal);

    [Fact]
    public void Settings_Defaults_AreValid() => Assert.Empty(CouncilSettingsValidator.Validate(CouncilSettings.Default));

    [Fact]
    public void Settings_Nonsense_IsRefusedPerField() =>
        Assert.Equal(["publicationClearDays", "consultationReminderDays[1]", "timeZoneId"],
            CouncilSettingsValidator.Validate(new CouncilSettings { PublicationClearDays = -1, ConsultationReminderDays = [7, -2], TimeZoneId = "Mars/Olympus" }).Select(e => e.Field));
}
