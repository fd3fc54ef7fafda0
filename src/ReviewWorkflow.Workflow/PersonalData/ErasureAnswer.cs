namespace ReviewWorkflow.Workflow.PersonalData;

/// <summary>What <c>POST /api/personal-data/erasure</c> answers: per cycle, what was erased; <see cref="AlreadyErased"/>
/// when everything held had been erased before.</summary>
public sealed record ErasureAnswer(string ConsulteeId, bool AlreadyErased, IReadOnlyList<CycleErasure> Cycles, ErasureCounts Totals, DateTimeOffset ErasedAt);

/// <summary>One cycle's part of an erasure: the label the consultee now goes by and the counts per store.</summary>
public sealed record CycleErasure(string CycleId, string Label, ErasureCounts Counts);
