using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>What the shared contract fields need from the new and edit pages: the input, its errors, and the organizations the person administers (with their ids to copy).</summary>
public sealed record SibForm(SibInput Input, ModelStateDictionary State, IReadOnlyList<(Guid Id, string Name)> Administered);
