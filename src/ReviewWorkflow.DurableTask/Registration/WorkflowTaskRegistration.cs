namespace ReviewWorkflow.DurableTask.Registration;

/// <summary>One registration callback; all of them together fill the worker's <see cref="WorkflowTaskRegistry"/>.</summary>
internal sealed record WorkflowTaskRegistration(Action<WorkflowTaskRegistry> Register);
