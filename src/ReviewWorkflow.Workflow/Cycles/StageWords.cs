namespace ReviewWorkflow.Workflow.Cycles;

/// <summary>Where a cycle is, as a sentence a refusal can start with ("The strategy has been adopted, so ...").</summary>
public static class StageWords
{
    public static string Where(CycleStage stage) => stage switch
    {
        CycleStage.Consultation => "The consultation is still open",
        CycleStage.Drafting => "The strategy is being drafted",
        CycleStage.Ratification => "The report is with the committees",
        CycleStage.Adopted => "The strategy has been adopted",
        CycleStage.Closed => "The review cycle is closed",
        _ => $"The review cycle is at the {stage.ToString().ToLowerInvariant()} stage",
    };
}
