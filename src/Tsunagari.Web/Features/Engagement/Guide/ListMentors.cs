using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Guide;

/// <summary>
/// Verified intermediate support organizations (中間支援組織) that can mentor a group on the way to incorporation: those
/// active in the municipality first (a designated city and its wards count as one), then in its regional grouping,
/// then anywhere in its prefecture. There are few such organizations, so they are ranked in memory.
/// </summary>
public sealed class ListMentors(AppDbContext db, Japan japan, ListGroupings listGroupings)
{
    public const int MaxMentors = 10;

    public enum Nearness { Municipality = 1, Grouping = 2, Prefecture = 3 }

    public sealed record Mentor(Guid Id, string Name, Nearness Nearness);

    public async Task<IReadOnlyList<Mentor>> RunAsync(string municipalityCode, CancellationToken cancellationToken)
    {
        if (japan.Municipality(municipalityCode) is not { } municipality) return [];
        var city = municipality.ParentCode is { } parent ? japan.Municipality(parent) ?? municipality : municipality;
        var local = city.Wards.Select(w => w.Code).Append(city.Code).Append(municipality.Code).ToHashSet(StringComparer.Ordinal);

        var groupings = await listGroupings.RunAsync(municipality.PrefectureCode, cancellationToken);
        var byCode = ListGroupings.ByMunicipality(groupings);
        var grouping = byCode.TryGetValue(municipality.Code, out var g) ? g : byCode.TryGetValue(city.Code, out g) ? g : null;
        var nearby = grouping?.MunicipalityCodes.ToHashSet(StringComparer.Ordinal) ?? [];
        var prefix = municipality.PrefectureCode[..2];

        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.IsIntermediateSupport && o.Verification == VerificationStatus.Verified)
            .Select(o => new { o.Id, o.Name, o.Kana, o.MunicipalityCodes })
            .ToListAsync(cancellationToken);
        return candidates
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Kana,
                Nearness = o.MunicipalityCodes.Any(local.Contains) ? Nearness.Municipality
                    : o.MunicipalityCodes.Any(nearby.Contains) ? Nearness.Grouping
                    : o.MunicipalityCodes.Any(c => c.StartsWith(prefix, StringComparison.Ordinal)) ? Nearness.Prefecture
                    : (Nearness?)null,
            })
            .Where(o => o.Nearness is not null)
            .OrderBy(o => o.Nearness).ThenBy(o => o.Kana, StringComparer.Ordinal)
            .Take(MaxMentors)
            .Select(o => new Mentor(o.Id, o.Name, o.Nearness!.Value))
            .ToList();
    }
}
