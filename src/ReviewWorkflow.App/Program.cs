using ReviewWorkflow.App;
using ReviewWorkflow.App.Hosting;

if (WorkerOnlyHost.Requested(args))
{
    using var worker = WorkerOnlyHost.Create(args);
    await worker.RunAsync().ConfigureAwait(false);
    return;
}

var app = ReviewWorkflowApp.Create(args);
await app.RunAsync().ConfigureAwait(false);
