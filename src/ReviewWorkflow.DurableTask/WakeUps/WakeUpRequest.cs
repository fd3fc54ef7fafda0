namespace ReviewWorkflow.DurableTask.WakeUps;

/// <summary>Asks for <see cref="WakeUpSignal"/> to be raised to <paramref name="InstanceId"/> once the app's clock reaches <paramref name="DueAt"/>.</summary>
public sealed record WakeUpRequest(string InstanceId, DateTimeOffset DueAt);
