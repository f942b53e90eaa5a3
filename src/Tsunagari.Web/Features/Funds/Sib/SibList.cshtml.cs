using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>The contracts a person may see: those of the organizations they belong to (as a party or an investor); every one for staff.</summary>
[Authorize]
public sealed class SibListModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Title, SibContractStatus Status, string Payer, decimal Cap, DateOnly StartsOn, DateOnly EndsOn);

    public IReadOnlyList<Row> Contracts { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = SibAccess.AccountId(User);
        var mine = await db.Memberships.AsNoTracking().Where(m => m.AccountId == me).Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        var contracts = db.SibContracts.AsNoTracking();
        if (!SibAccess.IsStaffUser(User))
        {
            contracts = contracts.Where(c => mine.Contains(c.PayerOrganizationId) || mine.Contains(c.ProviderOrganizationId) || mine.Contains(c.IntermediaryOrganizationId)
                || mine.Contains(c.EvaluatorOrganizationId) || c.Investors.Any(i => i.OrganizationId != null && mine.Contains(i.OrganizationId.Value)));
        }
        Contracts = await contracts.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title)
            .Join(db.Organizations, c => c.PayerOrganizationId, o => o.Id, (c, o) => new Row(c.Id, c.Title, c.Status, o.Name, c.Cap, c.StartsOn, c.EndsOn))
            .Take(500).ToListAsync(cancellationToken);
        CanCreate = (await SibAccess.AdministeredAsync(db, User, cancellationToken)).Count > 0;
    }
}
