using ReviewWorkflow.Workflow.Cycles;

namespace ReviewWorkflow.Workflow.Tests.Cycles;

/// <summary>The sentence each stage gives a refusal.</summary>
public sealed class StageWordsTests
{
    [Theory]
    [InlineData(CycleStage.Consultation, "The consultation is still open")]
    [InlineData(CycleStage.Drafting, "The strategy is being drafted")]
    [InlineData(CycleStage.Ratification, "The report is with the committees")]
    [InlineData(CycleStage.Adopted, "The strategy has been adopted")]
    [InlineData(CycleStage.Closed, "The review cycle is closed")]
    public void Every_stage_has_a_sentence(CycleStage stage, string sentence) => Assert.Equal(sentence, StageWords.Where(stage));
}
