using ReviewWorkflow.Drive;

try
{
    var options = DriveOptions.Parse(args);
    return options.Mode == "chaos" ? await ChaosRun.RunAsync(options) : await LoadRun.RunAsync(options);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
