using ReviewWorkflow.App.Demo;

// In the app's root namespace so ReviewWorkflowApp registers the demo with one line and no using.
namespace ReviewWorkflow.App;

public static class DemoDataExtensions
{
    /// <summary>The configuration key that turns the demo data on (<c>Demo__SeedData=true</c>; ./run.sh sets it).</summary>
    public const string SeedDataKey = "Demo:SeedData";

    /// <summary>Seeds the demo cycles in the background at start when <see cref="SeedDataKey"/> is true; otherwise registers nothing.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>(SeedDataKey))
        {
            return services;
        }

        services.AddSingleton<DemoData>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoDataSeeder>());
        return services;
    }
}
