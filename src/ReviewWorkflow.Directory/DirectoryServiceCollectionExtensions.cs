using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Directory.Graph;
using ReviewWorkflow.Directory.Local;

namespace ReviewWorkflow.Directory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Binds section <c>Directory</c> and registers <see cref="IDirectory"/>: <see cref="GraphDirectory"/> when
    /// <c>Directory:Provider</c> is "Graph", otherwise <see cref="LocalDirectory"/> (also registered as itself).
    /// </summary>
    public static IServiceCollection AddReviewWorkflowDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DirectoryOptions.SectionName);
        services.AddOptions<DirectoryOptions>().Bind(section)
            .Validate(o => o.UsesGraph || string.Equals(o.Provider, "Local", StringComparison.OrdinalIgnoreCase),
                "Directory:Provider must be \"Local\" or \"Graph\".")
            .Validate(o => !o.UsesGraph || string.IsNullOrWhiteSpace(o.ClientSecret) || (!string.IsNullOrWhiteSpace(o.TenantId) && !string.IsNullOrWhiteSpace(o.ClientId)),
                "Directory:ClientSecret needs Directory:TenantId and Directory:ClientId.")
            .Validate(o => !o.UsesGraph || (Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps),
                "Directory:GraphBaseUrl must be an absolute https URL.")
            .ValidateOnStart();

        var options = section.Get<DirectoryOptions>() ?? new DirectoryOptions();
        if (options.UsesGraph)
        {
            services.AddSingleton(sp =>
            {
                var o = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
                return DirectoryGraphClientFactory.Create(o, DirectoryGraphClientFactory.CreateCredential(o));
            });
            services.AddSingleton<IDirectory, GraphDirectory>();
        }
        else
        {
            services.AddSingleton(sp =>
            {
                var path = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.LocalDirectoryPath;
                if (!string.IsNullOrWhiteSpace(path))
                {
                    var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
                    path = Path.Combine(root, path);
                }

                return new LocalDirectory(path, sp.GetRequiredService<ILogger<LocalDirectory>>());
            });
            services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<LocalDirectory>());
        }

        return services;
    }
}
