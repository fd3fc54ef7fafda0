namespace ReviewWorkflow.App.Demo;

/// <summary>What one seeding run did: 0 everywhere when the demo data was there already.</summary>
public sealed record DemoSeedResult(int CyclesStarted, int CommandsSent, int ResponsesStored)
{
    public bool NothingNew => CyclesStarted == 0 && CommandsSent == 0 && ResponsesStored == 0;
}
