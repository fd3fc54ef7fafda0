namespace ReviewWorkflow.App.Development;

/// <summary>Settings of the Development-only controllable clock (section "Development"); ignored outside Development.</summary>
public sealed class DevelopmentClockOptions
{
    public const string SectionName = "Development";

    /// <summary>True: the app's clock is a <see cref="ControllableClock"/> that <c>POST /dev/clock</c> moves forward.</summary>
    public bool ControllableClock { get; set; }

    /// <summary>The file holding the clock's offset. Empty: <c>reviewworkflow-dev-clock.txt</c> in the content root.</summary>
    public string? ClockFile { get; set; }
}
