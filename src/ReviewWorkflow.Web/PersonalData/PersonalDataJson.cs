using System.Text.Json.Nodes;
using ReviewWorkflow.Workflow.Json;
using ReviewWorkflow.Workflow.PersonalData;

namespace ReviewWorkflow.Web.PersonalData;

/// <summary>A subject access report as JSON (grouped by cycle, then by store) and as CSV rows (cycle, store, field, value).</summary>
public static class PersonalDataJson
{
    public static JsonObject From(string email, SubjectAccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cycles = new JsonArray();
        foreach (var c in report.Cycles)
        {
            cycles.Add(new JsonObject
            {
                ["cycleId"] = c.Consultee.CycleId,
                ["tables"] = new JsonObject
                {
                    ["consultees (task hub)"] = new JsonObject
                    {
                        ["name"] = c.Consultee.Name,
                        ["email"] = c.Consultee.Email,
                        ["group"] = c.Consultee.GroupName,
                        ["organisation"] = c.Consultee.Organisation,
                    },
                    ["responses"] = c.Response is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(c.Response, WorkflowJson.Options),
                    ["responseDrafts"] = System.Text.Json.JsonSerializer.SerializeToNode(c.Drafts, WorkflowJson.Options),
                    ["audit"] = new JsonArray([.. c.AuditRows.Select(a => (JsonNode)new JsonObject
                    {
                        ["sequence"] = a.Sequence,
                        ["time"] = a.Time,
                        ["actor"] = a.Actor,
                        ["action"] = a.Action,
                        ["details"] = a.Details,
                        ["personalDetails"] = a.PersonalDetails,
                    })]),
                    ["emails"] = new JsonArray([.. c.Emails.Select(m => (JsonNode)new JsonObject
                    {
                        ["sentAt"] = m.SentAt,
                        ["to"] = m.To,
                        ["subject"] = m.Subject,
                        ["text"] = m.TextBody,
                    })]),
                },
            });
        }

        return new JsonObject
        {
            ["email"] = email,
            ["consulteeId"] = report.ConsulteeId,
            ["found"] = report.Found,
            ["cycles"] = cycles,
            ["erasedBefore"] = new JsonArray([.. report.Erased.Select(e => (JsonNode)new JsonObject { ["cycleId"] = e.CycleId, ["label"] = e.Label, ["erasedAt"] = e.ErasedAt })]),
        };
    }

    /// <summary>Flattens the JSON into (cycle, table, field, value) rows: every leaf value once.</summary>
    public static IEnumerable<string[]> Rows(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var cycle in json["cycles"]!.AsArray())
        {
            var id = cycle!["cycleId"]!.GetValue<string>();
            foreach (var (table, value) in cycle["tables"]!.AsObject())
            {
                foreach (var (field, leaf) in Leaves(value, ""))
                {
                    yield return [id, table, field, leaf];
                }
            }
        }
    }

    private static IEnumerable<(string Field, string Value)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                yield break;
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    foreach (var leaf in Leaves(v, path.Length == 0 ? k : path + "." + k))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in Leaves(a[i], $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (path, node is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : node.ToJsonString().Trim('"'));
                break;
        }
    }
}
