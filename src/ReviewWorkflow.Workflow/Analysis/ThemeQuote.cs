namespace ReviewWorkflow.Workflow.Analysis;

/// <summary>A comment the lead chose to quote for a theme: which response and which of its comments (never the whole response).</summary>
public sealed record ThemeQuote(string ConsulteeId, TagPart Part);
