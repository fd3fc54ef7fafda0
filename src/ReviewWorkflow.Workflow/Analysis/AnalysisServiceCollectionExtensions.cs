using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewWorkflow.Workflow.Audit;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Workflow.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// The responses analysis: <see cref="AnalysisOptions"/> (<c>Workflow__ThemesTable</c>), the <see cref="ThemeStore"/>
    /// on its own table, and <see cref="ResponseAnalysis"/>. Needs the workflow's services (AddReviewCycleServices) and
    /// the SDK's TableServiceClient (AddReviewWorkflowStorage). Calling it again adds nothing.
    /// </summary>
    public static IServiceCollection AddResponseAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ThemeStore)))
        {
            return services;
        }

        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ThemesTable), "Workflow:ThemesTable must name a table.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ThemeStore(sp.GetRequiredService<TableServiceClient>()
            .GetTableClient(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.ThemesTable)));
        services.TryAddSingleton(sp => new ResponseAnalysis(
            sp.GetRequiredService<ReviewCycleService>(), sp.GetRequiredService<ResponseStore>(), sp.GetRequiredService<ThemeStore>(),
            sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
