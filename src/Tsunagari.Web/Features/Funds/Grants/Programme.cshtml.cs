using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>The call: what the programme funds, for whom, how much, until when, what it asks and how it is scored. A draft is shown only to the fund's admins.</summary>
public sealed class ProgrammeModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public GrantProgramme Programme { get; private set; } = null!;
    public Fund Fund { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    public bool TakesApplications { get; private set; }
    public decimal Awarded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var programme = await db.GrantProgrammes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null) return NotFound();
        Fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == programme.FundId, cancellationToken);
        IsAdmin = await GrantsAccess.IsAdminAsync(db, GrantsAccess.AccountId(User), Fund.HolderOrganizationId, cancellationToken);
        if (programme.Status == GrantProgrammeStatus.Draft && !IsAdmin) return NotFound();
        Programme = programme;
        TakesApplications = programme.TakesApplications(JapanTime.Date(clock.GetUtcNow()));
        Awarded = (await db.GrantAwards.AsNoTracking().Where(a => a.ProgrammeId == id).Select(a => a.Amount).ToListAsync(cancellationToken)).Sum();
        return Page();
    }
}
