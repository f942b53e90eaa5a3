using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>A page of the registry, most recently updated first, and what the rows show beside the initiative itself.</summary>
public static class InitiativeList
{
    public const int PageSize = 20;
    public const int MaxPageSize = 100;

    public static IOrderedQueryable<Initiative> Ordered(IQueryable<Initiative> query) =>
        query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id);

    public static async Task<(IReadOnlyList<Initiative> Items, int Total)> PageAsync(
        AppDbContext db, InitiativeFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter.Apply(db.Initiatives.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var items = await Ordered(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The current names of the owning organizations (the initiative keeps the name it was registered with, for when one leaves).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> OrganizationNamesAsync(AppDbContext db, IEnumerable<Initiative> initiatives, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = initiatives.Select(i => i.OrganizationId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    public static string Owner(Initiative initiative, IReadOnlyDictionary<Guid, string> organizationNames)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(organizationNames);
        return initiative.OrganizationId is { } id && organizationNames.TryGetValue(id, out var name) ? name : initiative.OwnerName;
    }

    /// <summary>The municipalities' names, a designated city's ward with its city (千葉市中央区); empty for the whole prefecture.</summary>
    public static IReadOnlyList<string> MunicipalityNames(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var japan = Japan.Shared;
        return codes.Select(code => japan.Municipality(code) is { } m
            ? (m.ParentCode is { } parent ? japan.Municipality(parent)?.Name ?? "" : "") + m.Name
            : code).ToList();
    }
}
