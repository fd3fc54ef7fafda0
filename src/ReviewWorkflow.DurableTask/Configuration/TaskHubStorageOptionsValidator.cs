using Microsoft.Extensions.Options;

namespace ReviewWorkflow.DurableTask.Configuration;

internal sealed class TaskHubStorageOptionsValidator : IValidateOptions<TaskHubStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskHubStorageOptions options)
    {
        const string key = TaskHubStorageOptions.SectionName;
        if (options.UsesIdentity)
        {
            if (options.TableServiceUri is null || options.QueueServiceUri is null || options.BlobServiceUri is null)
            {
                return ValidateOptionsResult.Fail(
                    $"Identity-based storage needs all three of {key}__tableServiceUri, {key}__queueServiceUri and {key}__blobServiceUri " +
                    "(the task hub uses tables, queues and blobs).");
            }

            return ValidateOptionsResult.Success;
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"No task hub storage configured: set {key} to a connection string (UseDevelopmentStorage=true for Azurite) " +
                $"or {key}__tableServiceUri, {key}__queueServiceUri and {key}__blobServiceUri for a managed identity.")
            : ValidateOptionsResult.Success;
    }
}
