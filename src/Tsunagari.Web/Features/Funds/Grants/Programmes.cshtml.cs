using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>Open calls: the grant programmes taking applications now, soonest deadline first.</summary>
public sealed class ProgrammesModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, Guid FundId, string FundName, decimal MaxPerGrant, DateOnly ClosesOn);

    public IReadOnlyList<Row> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Date(clock.GetUtcNow());
        Open = await (from p in db.GrantProgrammes.AsNoTracking()
                      where p.Status == GrantProgrammeStatus.Open && p.ClosesOn >= today
                      join f in db.Funds on p.FundId equals f.Id
                      orderby p.ClosesOn, p.Title
                      select new Row(p.Id, p.Title, f.Id, f.Name, p.MaxPerGrant, p.ClosesOn)).ToListAsync(cancellationToken);
    }
}
