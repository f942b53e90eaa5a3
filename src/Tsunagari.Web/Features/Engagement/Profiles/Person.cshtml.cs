using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// A person's profile as its visibility allows (<see cref="ProfileAccess"/>); anyone else gets a 404, so the page does
/// not even tell that the person exists. Staff reading a profile through their role is written to the audit trail.
/// </summary>
public sealed class PersonModel(AppDbContext db, Japan japan, ProfileAccess access, AuditTrail audit) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public ResidentProfile? Profile { get; private set; }
    public Municipality? Municipality { get; private set; }

    /// <summary>A ward with its city (千葉市中央区), as wards of different cities share names.</summary>
    public string MunicipalityName { get; private set; } = "";
    public IReadOnlyList<WayToTakePart> Ways { get; private set; } = [];
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return NotFound();
        var profile = await db.ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        // No profile yet reads as private: only the person sees the page.
        var visibility = profile?.Visibility ?? ProfileVisibility.Private;
        var reason = await access.WhyMaySeeAsync(User, accountId, visibility, cancellationToken);
        if (reason == ProfileAccess.Reason.None) return NotFound();
        if (reason == ProfileAccess.Reason.Staff)
            await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, accountId, "profile", cancellationToken);

        IsSelf = reason == ProfileAccess.Reason.Self;
        DisplayName = name;
        Profile = profile;
        if (Profile is not null)
        {
            Municipality = japan.Municipality(Profile.MunicipalityCode);
            if (Municipality is not null)
                MunicipalityName = (Municipality.ParentCode is { } city ? japan.Municipality(city)?.Name : null) + Municipality.Name;
            var ids = Profile.PreferredWays;
            if (ids.Count > 0)
                Ways = await db.WaysToTakePart.AsNoTracking().Where(w => ids.Contains(w.Id)).OrderBy(w => w.SortOrder).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        }
        return Page();
    }
}
