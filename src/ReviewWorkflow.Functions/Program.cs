using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ReviewWorkflow.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddReviewWorkflowFunctions(builder.Configuration);
await builder.Build().RunAsync().ConfigureAwait(false);
