using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Insights.Network;

/// <summary>What the network page shows: which kinds of tie, organizations of which municipality and kind, ties of at least what weight.</summary>
public sealed record NetworkFilter(IReadOnlyList<NetworkTieKind> Kinds, string? MunicipalityCode, OrganizationKind? Sector, int MinimumWeight)
{
    public string CacheKey => $"network:{string.Join(',', Kinds.Order())}:{MunicipalityCode}:{Sector}:{MinimumWeight}";
}

public sealed record NetworkOrganization(Guid Id, string Name, OrganizationKind Sector, int Degree, double WeightedDegree, double Betweenness,
    double Closeness, double Clustering, int Community, int Component);

/// <summary>A tie between two organizations on the page: the sum of the chosen kinds' weights, and which kinds they were.</summary>
public sealed record NetworkLink(Guid Source, Guid Target, int Weight, IReadOnlyList<NetworkTieKind> Kinds);

public sealed record NetworkCommunity(int Number, IReadOnlyList<NetworkOrganization> Members, IReadOnlyList<(OrganizationKind Sector, int Count)> Sectors);

/// <summary>The organizations' network under one filter, measured (unweighted: every tie counts 1, its weight shown as strength).</summary>
public sealed record NetworkPicture(
    IReadOnlyList<NetworkOrganization> Organizations,
    IReadOnlyList<NetworkLink> Links,
    double Density,
    double AverageClustering,
    double Modularity,
    int Components,
    int Communities,
    double? CrossSectorShare,
    DateTimeOffset? RefreshedAt)
{
    public IEnumerable<NetworkOrganization> Bridges(int count) =>
        Organizations.Where(o => o.Betweenness > 0).OrderByDescending(o => o.Betweenness).ThenByDescending(o => o.Degree).Take(count);

    public IEnumerable<NetworkCommunity> CommunityList() =>
        Organizations.GroupBy(o => o.Community).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new NetworkCommunity(g.Key, [.. g.OrderByDescending(o => o.Degree).ThenBy(o => o.Name, StringComparer.Ordinal)],
                [.. g.GroupBy(o => o.Sector).Select(s => (s.Key, s.Count())).OrderByDescending(s => s.Item2)]));
}

/// <summary>
/// Reads the precomputed ties (<see cref="RefreshNetworkTies"/>), keeps those the filter asks for and measures the
/// graph; the result is cached per filter for <see cref="NetworkOptions.CacheDuration"/> and dropped when the ties
/// are rebuilt (the refresh time is part of the key). Organizations without a tie are not nodes.
/// </summary>
public sealed class BuildNetworkPicture(AppDbContext db, IMemoryCache cache, IOptions<NetworkOptions> options)
{
    public async Task<NetworkPicture> RunAsync(NetworkFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var refreshedAt = await db.NetworkTies.MaxAsync(t => (DateTimeOffset?)t.RefreshedAt, cancellationToken);
        var key = $"{filter.CacheKey}:{refreshedAt?.UtcTicks}";
        if (cache.TryGetValue(key, out NetworkPicture? cached) && cached is not null) return cached;
        var picture = await BuildAsync(filter, refreshedAt, cancellationToken);
        cache.Set(key, picture, options.Value.CacheDuration);
        return picture;
    }

    private async Task<NetworkPicture> BuildAsync(NetworkFilter filter, DateTimeOffset? refreshedAt, CancellationToken cancellationToken)
    {
        var kinds = filter.Kinds.ToList();
        var ties = await db.NetworkTies.AsNoTracking().Where(t => kinds.Contains(t.Kind))
            .Select(t => new { t.OrganizationId, t.OtherOrganizationId, t.Kind, t.Weight }).ToListAsync(cancellationToken);
        var ids = ties.SelectMany(t => new[] { t.OrganizationId, t.OtherOrganizationId }).Distinct().ToList();
        var organizations = (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Kind, o.MunicipalityCodes }).ToListAsync(cancellationToken))
            .Where(o => Matches(filter, o.Kind, o.MunicipalityCodes)).ToDictionary(o => o.Id);

        var links = ties.Where(t => organizations.ContainsKey(t.OrganizationId) && organizations.ContainsKey(t.OtherOrganizationId))
            .GroupBy(t => (t.OrganizationId, t.OtherOrganizationId))
            .Select(g => new NetworkLink(g.Key.OrganizationId, g.Key.OtherOrganizationId, g.Sum(t => t.Weight), [.. g.Select(t => t.Kind).Order()]))
            .Where(l => l.Weight >= filter.MinimumWeight)
            .OrderBy(l => l.Source).ThenBy(l => l.Target).ToList();
        // Nodes in a fixed order (by id) so that the communities found are the same on every node of the cluster.
        var nodes = links.SelectMany(l => new[] { l.Source, l.Target }).Distinct().Order().ToList();
        var index = nodes.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var graph = NetworkGraph.Build(nodes.Count, links.Select(l => (index[l.Source], index[l.Target], (double)l.Weight)));
        var m = await Task.Run(() => NetworkAnalysis.Measure(graph, weighted: false, cancellationToken), cancellationToken);
        var strength = nodes.Select((_, v) => graph.Strength(v)).ToList();
        var result = nodes.Select((id, v) => new NetworkOrganization(id, organizations[id].Name, organizations[id].Kind, m.Degree[v], strength[v],
            m.Betweenness[v], m.Closeness[v], m.Clustering[v], m.Community[v], m.Component[v])).ToList();
        var sectors = nodes.Select(id => (string?)organizations[id].Kind.ToString()).ToList();
        return new(result, links, m.Density, m.AverageClustering, m.Modularity, m.Components, m.Communities,
            NetworkApi.CrossSectorShare(graph, sectors), refreshedAt);
    }

    /// <summary>An organization is in a municipality when it names the municipality or, for a designated city, one of its wards.</summary>
    private static bool Matches(NetworkFilter filter, OrganizationKind kind, List<string> municipalityCodes)
    {
        if (filter.Sector is { } sector && kind != sector) return false;
        if (filter.MunicipalityCode is not { } code) return true;
        var codes = Japan.Shared.Municipality(code) is { } municipality ? RegionalFigures.CodesOf(municipality) : [code];
        return municipalityCodes.Any(codes.Contains);
    }
}
