using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>Creates or replaces a person's profile from validated details (the page and the API both save through it).</summary>
public sealed class SaveProfile(AppDbContext db, TimeProvider clock)
{
    public async Task<ResidentProfile> RunAsync(Guid accountId, ResidentProfileDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var now = clock.GetUtcNow();
        var profile = await db.ResidentProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is null)
        {
            profile = new ResidentProfile(accountId, now);
            db.ResidentProfiles.Add(profile);
        }
        profile.Update(details, now);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }
}
