using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>The public list of collective impact initiatives: their common agenda, backbone and partners by sector.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const string MessageKey = "CollectiveImpactMessage";
    public const int MaxRows = 200;

    public sealed record Partner(string Name, OrganizationKind Kind);

    public sealed record Row(CollectiveInitiative Initiative, string Backbone, IReadOnlyList<Partner> Partners)
    {
        public IReadOnlyList<IGrouping<OrganizationKind, Partner>> BySector => Partners.GroupBy(p => p.Kind).OrderBy(g => g.Key).ToList();
        public bool IsCrossSector => BySector.Count >= 2;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SignedIn { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        SignedIn = User.Identity?.IsAuthenticated == true;
        var initiatives = await db.CollectiveInitiatives.AsNoTracking()
            .OrderBy(i => i.Status).ThenByDescending(i => i.StartsOn).Take(MaxRows).ToListAsync(cancellationToken);
        var ids = initiatives.Select(i => i.Id).ToList();
        var partners = await db.CollectivePartners.AsNoTracking().Where(p => ids.Contains(p.InitiativeId) && p.LeftOn == null)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.InitiativeId, o.Name, o.Kind }).ToListAsync(cancellationToken);
        var backbones = initiatives.Select(i => i.BackboneOrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => backbones.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Rows = initiatives.Select(i => new Row(i, names.GetValueOrDefault(i.BackboneOrganizationId, ""),
            partners.Where(p => p.InitiativeId == i.Id).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new Partner(p.Name, p.Kind)).ToList())).ToList();
    }
}
