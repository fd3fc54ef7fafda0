namespace ReviewWorkflow.Workflow.Validation;

/// <summary>Sizes the pages, emails, committee report and table rows can hold comfortably.</summary>
public static class Limits
{
    public const int Title = 200;
    public const int Name = 200;
    public const int Pledge = 1000;
    public const int Question = 1000;
    public const int Pledges = 50;
    public const int Groups = 50;
    public const int MembersPerGroup = 2000;
    public const int QuestionsPerGroup = 50;
    public const int TaskAndFinishMembers = 100;
    public const int RouteBodies = 10;
    public const int Id = 64;
}
