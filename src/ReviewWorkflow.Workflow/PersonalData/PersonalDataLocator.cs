using Microsoft.DurableTask.Client;
using ReviewWorkflow.Workflow.Consultation;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Domain;

namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>
/// Finds consultees where the task hub keeps them: each cycle's consultation input (everyone consulted, directory
/// groups expanded, in a fixed order that numbers the labels: the 14th is "Consultee 14"), and before the consultation
/// starts the cycle definition's inline members. Consultees already erased (their address replaced) are not found.
/// </summary>
public sealed class PersonalDataLocator(DurableTaskClient client)
{
    /// <summary>Every review cycle's id.</summary>
    public async Task<IReadOnlyList<string>> CycleIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (instance.Name == OrchestrationNames.ReviewCycle)
            {
                ids.Add(instance.InstanceId);
            }
        }

        return ids;
    }

    /// <summary>The cycle's consultees whose personal data is still held, each with their label.</summary>
    public async Task<IReadOnlyList<ConsulteeRecord>> ConsulteesAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var records = new List<ConsulteeRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var consultation = await client.GetInstanceAsync(OrchestrationNames.ConsultationId(cycleId, 1), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var resolved = consultation?.ReadInputAs<ConsultationInput>()?.Consultees ?? [];
        for (var i = 0; i < resolved.Count; i++)
        {
            var c = resolved[i];
            seen.Add(c.Id);
            records.Add(new ConsulteeRecord(cycleId, c.Id, c.Name, c.Email, Label(i + 1), c.GroupName, c.Audience, c.Organisation));
        }

        // Not consulted yet (or held): the definition's inline members, numbered after the resolved ones.
        var parent = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (parent?.Name == OrchestrationNames.ReviewCycle && parent.ReadInputAs<ReviewCycleInput>()?.Definition is { } definition)
        {
            foreach (var (group, member) in definition.AllConsultees())
            {
                var id = ConsulteeId.For(member.Email);
                if (seen.Add(id))
                {
                    var g = definition.Consultation.Groups[group];
                    records.Add(new ConsulteeRecord(cycleId, id, member.Name, member.Email.Trim(), Label(records.Count + 1), g.Name, g.Audience, member.Organisation));
                }
            }
        }

        return [.. records.Where(r => !r.Email.EndsWith("@erased.invalid", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Every cycle's record of the person with this address.</summary>
    public async Task<IReadOnlyList<ConsulteeRecord>> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        var id = ConsulteeId.For(email);
        var found = new List<ConsulteeRecord>();
        foreach (var cycleId in await CycleIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            found.AddRange((await ConsulteesAsync(cycleId, cancellationToken).ConfigureAwait(false)).Where(r => r.ConsulteeId == id));
        }

        return found;
    }

    public static string Label(int number) => "Consultee " + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
