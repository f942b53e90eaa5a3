using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Funds.Grants;

namespace Tsunagari.Features.Funds.FundPages;

/// <summary>The public list of funds with their holders and how many programmes are open; a way to create one for those who administer an organization.</summary>
public sealed class FundsModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, FundKind Kind, Guid HolderId, string HolderName, int OpenProgrammes);

    public IReadOnlyList<Row> Funds { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Funds = await (from f in db.Funds.AsNoTracking()
                       join o in db.Organizations on f.HolderOrganizationId equals o.Id
                       orderby f.Name
                       select new Row(f.Id, f.Name, f.Kind, o.Id, o.Name,
                           db.GrantProgrammes.Count(p => p.FundId == f.Id && p.Status == GrantProgrammeStatus.Open))).ToListAsync(cancellationToken);
        var me = GrantsAccess.AccountId(User);
        CanCreate = me != Guid.Empty && (await GrantsAccess.AdministeredAsync(db, me, cancellationToken)).Count > 0;
    }
}
