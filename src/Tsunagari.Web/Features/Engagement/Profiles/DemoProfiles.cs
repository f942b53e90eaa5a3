using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// Profiles for the demo residents, so a visitor signed in as one sees recommendations and a filled profile at once.
/// Runs after the demo accounts; leaves a profile alone once it exists (a visitor may have edited it).
/// </summary>
public sealed class DemoProfiles(AppDbContext db, TimeProvider clock) : ISeed
{
    public bool IsDemo => true;

    /// <summary>By demo account e-mail; ways are the default ways' keys, the municipality a code (千葉市中央区, 船橋市).</summary>
    private static readonly IReadOnlyList<(string Email, string Municipality, int[] Interests, (string Skill, int Level)[] Skills, LifeStage Stage,
        Availability Availability, int Hours, string[] Ways, AccessibilityFeatures Needs, string[] Languages, ProfileVisibility Visibility)> Profiles =
    [
        ("resident@example.jp", "121011", [2, 3, 7, 13], [("design", 2), ("childcare", 1)], LifeStage.RaisingChildren,
            Availability.WeekendDaytime | Availability.WeekdayEvening, 8, ["casual-try", "family", "weekend"], AccessibilityFeatures.Childcare, ["ja", "en"],
            ProfileVisibility.Organizations),
        ("orgadmin@example.jp", "122041", [2, 13, 19], [("accounting", 3), ("web", 2)], LifeStage.Working,
            Availability.WeekdayEvening | Availability.WeekendDaytime, 20, ["regular", "co-planning", "pro-bono"], AccessibilityFeatures.None, ["ja"],
            ProfileVisibility.Public),
    ];

    public async Task RunAsync()
    {
        var emails = Profiles.Select(p => p.Email).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email != null && emails.Contains(u.Email))
            .Select(u => new { u.Id, u.Email, HasProfile = db.ResidentProfiles.Any(p => p.AccountId == u.Id) })
            .ToListAsync();
        var ways = await db.WaysToTakePart.AsNoTracking().ToDictionaryAsync(w => w.Key, w => w.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var p in Profiles)
        {
            var account = accounts.FirstOrDefault(a => string.Equals(a.Email, p.Email, StringComparison.OrdinalIgnoreCase));
            if (account is null || account.HasProfile) continue;
            var profile = new ResidentProfile(account.Id, now);
            profile.Update(new ResidentProfileDetails(
                p.Municipality, p.Interests,
                p.Skills.Where(s => Skills.Find(s.Skill) is not null).Select(s => new ProfileSkill(s.Skill, s.Level)).ToList(),
                p.Stage, p.Availability, p.Hours,
                p.Ways.Where(ways.ContainsKey).Select(k => ways[k]).ToList(),
                p.Needs, p.Languages, p.Visibility), now);
            db.ResidentProfiles.Add(profile);
        }
        await db.SaveChangesAsync();
    }
}
