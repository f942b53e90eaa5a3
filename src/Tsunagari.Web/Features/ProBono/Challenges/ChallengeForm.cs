using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>What the shared challenge fields partial needs from the new and edit pages.</summary>
public sealed record ChallengeForm(ChallengeInput Input, IReadOnlyList<Municipality> Municipalities, ModelStateDictionary State)
{
    /// <summary>The prefecture's municipalities with their wards, for the select.</summary>
    public static IReadOnlyList<Municipality> Choices(Japan japan, string prefectureCode)
    {
        ArgumentNullException.ThrowIfNull(japan);
        var prefecture = japan.Prefecture(prefectureCode) ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        return prefecture.Municipalities.SelectMany(m => m.Wards.Count > 0 ? [m, .. m.Wards] : new[] { m }).ToList();
    }
}
