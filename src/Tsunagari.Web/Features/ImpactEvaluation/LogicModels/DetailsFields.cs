namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>What the details fields partial shows: the input, its form prefix, and the pilots by organization name.</summary>
public sealed record DetailsFields(DetailsInput Input, string Prefix, IReadOnlyList<PilotChoice> Pilots, IReadOnlyDictionary<Guid, string> OrganizationNames);
