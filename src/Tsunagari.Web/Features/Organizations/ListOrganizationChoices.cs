using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Organizations;

/// <summary>Loads the choices the organization form shows (ways to take part are data, so they come from the database).</summary>
public sealed class ListOrganizationChoices(AppDbContext db, Japan japan, ListGroupings listGroupings, IOptions<TsunagariOptions> options)
{
    public async Task<OrganizationChoices> RunAsync(CancellationToken cancellationToken)
    {
        var prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        var groupings = await listGroupings.RunAsync(prefecture.Code, cancellationToken);
        var byCode = ListGroupings.ByMunicipality(groupings);
        var sections = groupings
            .Select(g => new OrganizationChoices.MunicipalitySection(g, prefecture.Municipalities.Where(m => byCode.TryGetValue(m.Code, out var x) && x.Id == g.Id).ToList()))
            .Where(s => s.Municipalities.Count > 0)
            .ToList();
        var others = prefecture.Municipalities.Where(m => !byCode.ContainsKey(m.Code)).ToList();
        if (others.Count > 0) sections.Add(new OrganizationChoices.MunicipalitySection(null, others));

        var ways = await db.WaysToTakePart.AsNoTracking()
            .OrderBy(w => w.SortOrder).ThenBy(w => w.Id)
            .Select(w => new OrganizationChoices.Way(w.Id, w.Key, w.Name, w.NameEn))
            .ToListAsync(cancellationToken);
        return new OrganizationChoices(sections, ways);
    }
}
