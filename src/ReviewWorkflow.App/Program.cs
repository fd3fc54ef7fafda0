using ReviewWorkflow.App;

var app = ReviewWorkflowApp.Create(args);
await app.RunAsync().ConfigureAwait(false);
