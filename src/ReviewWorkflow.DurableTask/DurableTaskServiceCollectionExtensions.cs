using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.DurableTask.Client;
using ReviewWorkflow.DurableTask.Configuration;
using ReviewWorkflow.DurableTask.Engine;
using ReviewWorkflow.DurableTask.Registration;
using ReviewWorkflow.DurableTask.WakeUps;
using TaskFactory = ReviewWorkflow.DurableTask.Registration.TaskFactory;

namespace ReviewWorkflow.DurableTask;

public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Durable Task engine: a DTFx worker on the Azure Storage task hub (hosted service, unless
    /// <c>Durable:WorkerEnabled</c> is false), a <see cref="DurableTaskClient"/> over the same storage, the
    /// <see cref="IOrchestrationHistoryReader"/>, and wake-ups (the <c>ScheduleWakeUp</c> and <c>CancelWakeUp</c> activities, <see cref="WakeUpSweeper"/>
    /// and its hosted sweep). Call once; <see cref="AddWorkflowTasks"/> may add more tasks before or after.
    /// Registers <see cref="TimeProvider.System"/> and <see cref="JsonDataConverter.Default"/> unless a
    /// <see cref="TimeProvider"/> or <see cref="DataConverter"/> is registered already (register yours before or after: the last wins for
    /// <see cref="DataConverter"/> and <see cref="TimeProvider"/> resolution as usual).
    /// </summary>
    public static IServiceCollection AddReviewWorkflowDurableTask(
        this IServiceCollection services, IConfiguration configuration, Action<WorkflowTaskRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(TaskHubWorkerService)))
        {
            throw new InvalidOperationException("AddReviewWorkflowDurableTask may be called once; add more tasks with AddWorkflowTasks.");
        }

        services.AddWorkflowTasks(register);
        services.AddWorkflowTasks(r => r
            .AddActivity<ScheduleWakeUpActivity>(ScheduleWakeUpActivity.Name)
            .AddActivity<CancelWakeUpActivity>(CancelWakeUpActivity.Name));

        services.AddOptions<DurableTaskOptions>()
            .Configure(o => configuration.GetSection(DurableTaskOptions.SectionName).Bind(o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableTaskOptions>, DurableTaskOptionsValidator>();
        services.AddOptions<TaskHubStorageOptions>()
            .Configure(o => BindStorage(configuration.GetSection(TaskHubStorageOptions.SectionName), o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TaskHubStorageOptions>, TaskHubStorageOptionsValidator>();
        services.AddOptions<DurableStorageClientOptions>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);

        services.AddSingleton<TaskHubStorage>();
        services.AddSingleton<OrchestrationServiceFactory>();
        services.AddSingleton<WorkInFlight>();
        services.AddSingleton<TaskHubProbe>();
        services.AddSingleton(sp =>
        {
            var registry = new WorkflowTaskRegistry();
            foreach (var registration in sp.GetServices<WorkflowTaskRegistration>())
            {
                registration.Register(registry);
            }

            var workerOptions = new DurableTaskWorkerOptions { DataConverter = sp.GetRequiredService<DataConverter>() };
            var shims = new DurableTaskShimFactory(workerOptions, sp.GetRequiredService<ILoggerFactory>());
            return new TaskFactory(registry, sp, shims);
        });

        services.AddSingleton(sp => new StorageDurableTaskClient(
            "ReviewWorkflow",
            sp.GetRequiredService<OrchestrationServiceFactory>().Create(),
            sp.GetRequiredService<DataConverter>(),
            sp.GetRequiredService<TaskFactory>().Registry.LatestVersion,
            PendingInputs(sp)));
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<StorageDurableTaskClient>());
        services.AddSingleton<IOrchestrationHistoryReader>(sp => sp.GetRequiredService<StorageDurableTaskClient>());

        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<TaskHubStorage>();
            var hub = sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value.HubName;
            var tables = storage.CreateTableServiceClient();
            return new Privacy.TaskHubRedactor(
                tables.GetTableClient(hub + "Instances"),
                tables.GetTableClient(hub + "History"),
                storage.CreateBlobServiceClient().GetBlobContainerClient(hub.ToLowerInvariant() + "-largemessages"));
        });
        services.AddSingleton<WakeUpTable>();
        services.AddSingleton(sp => new WakeUpScheduler(sp.GetRequiredService<WakeUpTable>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WakeUpSweeper(
            sp.GetRequiredService<WakeUpScheduler>(),
            sp.GetRequiredService<DurableTaskClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WakeUpSweeper>>()));

        services.AddSingleton<TaskHubWorkerService>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubWorkerService>());
        services.AddHostedService<WakeUpSweepService>();
        return services;
    }

    /// <summary>
    /// Adds orchestrators and activities to the worker. May be called any number of times, before or after
    /// <see cref="AddReviewWorkflowDurableTask"/>; all callbacks run when the worker is built.
    /// </summary>
    public static IServiceCollection AddWorkflowTasks(this IServiceCollection services, Action<WorkflowTaskRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        services.AddSingleton(new WorkflowTaskRegistration(register));
        return services;
    }

    private static PendingInputReader PendingInputs(IServiceProvider sp)
    {
        var storage = sp.GetRequiredService<TaskHubStorage>();
        var hub = sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value.HubName;
        return new PendingInputReader(
            storage.CreateTableServiceClient().GetTableClient(hub + "Instances"),
            storage.CreateBlobServiceClient().GetBlobContainerClient(hub.ToLowerInvariant() + "-largemessages"));
    }

    private static void BindStorage(IConfigurationSection section, TaskHubStorageOptions options)
    {
        options.ConnectionString = string.IsNullOrWhiteSpace(section.Value) ? options.ConnectionString : section.Value;
        options.TableServiceUri = UriOrNull(section, "tableServiceUri") ?? options.TableServiceUri;
        options.QueueServiceUri = UriOrNull(section, "queueServiceUri") ?? options.QueueServiceUri;
        options.BlobServiceUri = UriOrNull(section, "blobServiceUri") ?? options.BlobServiceUri;
        options.ClientId = section["clientId"] ?? options.ClientId;
    }

    private static Uri? UriOrNull(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new OptionsValidationException(
                TaskHubStorageOptions.SectionName, typeof(TaskHubStorageOptions),
                [$"{TaskHubStorageOptions.SectionName}__{key} '{value}' is not an absolute URI."]);
    }
}
