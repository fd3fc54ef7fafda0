namespace ReviewWorkflow.Workflow.Responses;

public static class ResponseLimits
{
    public const int Comment = 5_000;
    public const int GeneralComments = 10_000;
    public const int ContributorName = 200;
}
