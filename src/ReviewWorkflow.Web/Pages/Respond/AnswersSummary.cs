using ReviewWorkflow.Web.Consultees;
using ReviewWorkflow.Workflow.Cycles;
using ReviewWorkflow.Workflow.Responses;

namespace ReviewWorkflow.Web.Pages.Respond;

/// <summary>The model of <c>_Answers</c>: a response shown read-only, with "Change" links to the form when <see cref="ChangeUrl"/> is set.</summary>
public sealed record AnswersSummary(ConsulteeForm Form, ResponseContent Content, ConsulteeWording Wording, string? ChangeUrl);
