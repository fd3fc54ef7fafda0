namespace ReviewWorkflow.Drive;

internal static class LoadRun
{
    public static Task<int> RunAsync(DriveOptions options) => throw new NotImplementedException();
}
