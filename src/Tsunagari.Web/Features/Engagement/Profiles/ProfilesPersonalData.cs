using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>The person's resident profile: exported in full, deleted on erasure (it is only theirs).</summary>
public sealed class ProfilesPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "profile";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var profile = await db.ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is null) return null;
        return new
        {
            profile.MunicipalityCode,
            profile.Interests,
            Skills = profile.Skills.Select(s => new { s.Skill, s.Level }).ToList(),
            LifeStage = profile.LifeStage?.ToString(),
            Availability = AvailabilityText.In(profile.Availability).Select(a => a.ToString()).ToList(),
            profile.HoursPerMonth,
            profile.PreferredWays,
            AccessibilityNeeds = Opportunities.AccessibilityText.In(profile.AccessibilityNeeds).Select(a => a.ToString()).ToList(),
            profile.Languages,
            Visibility = profile.Visibility.ToString(),
            profile.UpdatedAt,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Tracked removal rather than ExecuteDelete, so the owned skills rows go with it on both databases.
        var profile = await db.ResidentProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is null) return;
        db.ResidentProfiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
    }
}
