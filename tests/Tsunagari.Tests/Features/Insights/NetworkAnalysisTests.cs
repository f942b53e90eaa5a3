using Tsunagari.Features.Insights;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>Zachary's karate club (0-based ids, as networkx's karate_club_graph gives it), unweighted: 34 members, 78 friendships.</summary>
public static class KarateClub
{
    /// <summary>
    /// W. W. Zachary, "An information flow model for conflict and fission in small groups", Journal of Anthropological
    /// Research 33 (1977) 452–473; the edge list as distributed with networkx (karate_club_graph), members numbered 0–33.
    /// </summary>
    public static readonly (int Source, int Target)[] Edges =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30),
        (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13),
        (4, 6), (4, 10),
        (5, 6), (5, 10), (5, 16),
        (6, 16),
        (8, 30), (8, 32), (8, 33),
        (9, 33),
        (13, 33),
        (14, 32), (14, 33),
        (15, 32), (15, 33),
        (18, 32), (18, 33),
        (19, 33),
        (20, 32), (20, 33),
        (22, 32), (22, 33),
        (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
        (24, 25), (24, 27), (24, 31),
        (25, 31),
        (26, 29), (26, 33),
        (27, 33),
        (28, 31), (28, 33),
        (29, 32), (29, 33),
        (30, 32), (30, 33),
        (31, 32), (31, 33),
        (32, 33),
    ];

    public static NetworkGraph Graph() => NetworkGraph.Build(34, Edges.Select(e => (e.Source, e.Target, 1d)));
}

/// <summary>
/// The measures against networkx 3.6 (its published values for the karate club, and small graphs worked by hand). Floating
/// results are compared to 12 decimal places: the sums run in a different order from networkx's.
/// </summary>
public sealed class NetworkAnalysisTests
{
    private const int Places = 12;

    [Fact]
    public void The_karate_club_matches_networkx()
    {
        var graph = KarateClub.Graph();
        var m = NetworkAnalysis.Measure(graph, weighted: false, TestContext.Current.CancellationToken);

        Assert.Equal(78, graph.EdgeCount);
        Assert.Equal(0.13903743315508021, m.Density, Places);
        Assert.Equal(0.5706384782076823, m.AverageClustering, Places);
        Assert.Equal(0.43763528138528146, m.Betweenness[0], Places);
        Assert.Equal(0.30407497594997596, m.Betweenness[33], Places);
        Assert.Equal(0.145247113997114, m.Betweenness[32], Places);
        Assert.Equal(0.14365680615680618, m.Betweenness[2], Places);
        Assert.Equal(0.5689655172413793, m.Closeness[0], Places);
        Assert.Equal(0.55, m.Closeness[33], Places);
        Assert.Equal(0.559322033898305, m.Closeness[2], Places);
        Assert.Equal(0.15, m.Clustering[0], Places);
        Assert.Equal(0.11029411764705882, m.Clustering[33], Places);
        Assert.Equal(0, m.Clustering[11]);
        Assert.Equal(16, m.Degree[0]);
        Assert.Equal(17, m.Degree[33]);
        Assert.Equal(16d, m.WeightedDegree[0]);
        Assert.Equal(1, m.Components);
        Assert.All(m.Component, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Louvain_finds_the_karate_club_s_communities_and_their_modularity_is_computed_directly()
    {
        var graph = KarateClub.Graph();
        var (community, modularity) = NetworkCommunities.Louvain(graph, weighted: false, TestContext.Current.CancellationToken);

        // networkx's Louvain finds 0.4156–0.4188 with its seeds; the best split known is 0.4198.
        Assert.InRange(modularity, 0.40, 0.42);
        // In node order it finds four communities of Q = 0.4188034188 (networkx's Louvain finds the same split with seeds 1 and 3).
        Assert.Equal(0.41880341880341876, modularity, Places);
        Assert.Equal(4, community.Max() + 1);
        Assert.Equal([0, 1, 2, 3, 7, 9, 11, 12, 13, 17, 19, 21], Enumerable.Range(0, 34).Where(v => community[v] == community[0]));
        Assert.Equal(Direct(community), modularity, Places);
        // The same graph, the same communities.
        Assert.Equal(community, NetworkCommunities.Louvain(KarateClub.Graph(), weighted: false, TestContext.Current.CancellationToken).Community);
        // The administrator (0) and the instructor (33) end up apart.
        Assert.NotEqual(community[0], community[33]);
    }

    [Fact]
    public void Modularity_of_the_two_factions_is_networkx_s_0_3582()
    {
        // The club's split after the fission (networkx's "club" attribute: Mr. Hi's members 0–8, 10–13, 16, 17, 19, 21).
        int[] hi = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];
        var split = Enumerable.Range(0, 34).Select(v => hi.Contains(v) ? 0 : 1).ToArray();
        Assert.Equal(0.3582347140039448, NetworkCommunities.Modularity(KarateClub.Graph(), split, weighted: false), Places);
        Assert.Equal(Direct(split), NetworkCommunities.Modularity(KarateClub.Graph(), split, weighted: false), Places);
    }

    /// <summary>Q = 1 ÷ 2m × Σ_ij [A_ij − k_i k_j ÷ 2m] δ(c_i, c_j), summed over every ordered pair of nodes.</summary>
    private static double Direct(int[] community)
    {
        var a = new int[34, 34];
        foreach (var (s, t) in KarateClub.Edges) a[s, t] = a[t, s] = 1;
        var k = Enumerable.Range(0, 34).Select(i => Enumerable.Range(0, 34).Sum(j => a[i, j])).ToArray();
        var twoM = k.Sum();
        var q = 0d;
        for (var i = 0; i < 34; i++)
            for (var j = 0; j < 34; j++)
                if (community[i] == community[j]) q += a[i, j] - k[i] * k[j] / (double)twoM;
        return q / twoM;
    }

    [Fact]
    public void A_path_and_a_star_worked_by_hand()
    {
        // Path 0–1–2–3–4: node 2 lies on 4 of the 6 pairs of others: 4 × 2 ÷ (4 × 3) = 0.667; node 1 on 3: 0.5.
        var path = NetworkAnalysis.Measure(NetworkGraph.Build(5, [(0, 1, 1d), (1, 2, 1d), (2, 3, 1d), (3, 4, 1d)]), weighted: false, TestContext.Current.CancellationToken);
        Assert.Equal([0, 0.5, 2 / 3d, 0.5, 0], path.Betweenness.Select(b => Math.Round(b, Places)), new RoundedComparer());
        // Closeness of an end: 4 ÷ (1 + 2 + 3 + 4) = 0.4; of the middle: 4 ÷ 6.
        Assert.Equal(0.4, path.Closeness[0], Places);
        Assert.Equal(2 / 3d, path.Closeness[2], Places);
        Assert.Equal(0, path.AverageClustering);
        Assert.Equal(0.4, path.Density, Places);

        // Star with centre 0 and 4 leaves: the centre is on every path between leaves (betweenness 1), the leaves on none.
        var star = NetworkAnalysis.Measure(NetworkGraph.Build(5, [(0, 1, 1d), (0, 2, 1d), (0, 3, 1d), (0, 4, 1d)]), weighted: false, TestContext.Current.CancellationToken);
        Assert.Equal(1, star.Betweenness[0], Places);
        Assert.Equal(0, star.Betweenness[1], Places);
        Assert.Equal(1, star.Closeness[0], Places);
        Assert.Equal(4 / 7d, star.Closeness[1], Places);
        Assert.All(star.Clustering, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Closeness_on_two_triangles_and_a_lone_node_is_scaled_by_the_share_reached()
    {
        // Each triangle node reaches 2 others at distance 1: (2 ÷ 2) × (2 ÷ 6) = 1/3 among 7 nodes; the lone node 0.
        var graph = NetworkGraph.Build(7, [(0, 1, 1d), (1, 2, 1d), (0, 2, 1d), (3, 4, 1d), (4, 5, 1d), (3, 5, 1d)]);
        var m = NetworkAnalysis.Measure(graph, weighted: false, TestContext.Current.CancellationToken);
        Assert.All(m.Closeness.Take(6), c => Assert.Equal(1 / 3d, c, Places));
        Assert.Equal(0, m.Closeness[6]);
        Assert.Equal(3, m.Components);
        Assert.Equal([0, 0, 0, 1, 1, 1, 2], m.Component);
        Assert.All(m.Betweenness, b => Assert.Equal(0, b));
        Assert.Equal(6 / 7d, m.AverageClustering, Places);
        Assert.Equal(3, m.Communities);
        // Two separate triangles: Q = 2 × (3 ÷ 6 − (6 ÷ 12)²) = 0.5.
        Assert.Equal(0.5, m.Modularity, Places);
    }

    [Fact]
    public void Self_loops_are_dropped_and_duplicate_edges_merged_with_their_weights_summed()
    {
        var graph = NetworkGraph.Build(3, [(0, 1, 1d), (1, 0, 2d), (1, 1, 5d), (1, 2, 0.5), (1, 2, 0.5)]);
        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(1, graph.IgnoredSelfLoops);
        Assert.Equal(2, graph.MergedDuplicates);
        Assert.Equal([3d, 1d], graph.EdgeWeights);
        var m = NetworkAnalysis.Measure(graph, weighted: true, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 1], m.Degree);
        Assert.Equal([3d, 4d, 1d], m.WeightedDegree);
        Assert.Equal(0, m.Clustering[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkGraph.Build(2, [(0, 1, 0d)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkGraph.Build(2, [(0, 1, double.NaN)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkGraph.Build(2, [(0, 2, 1d)]));
    }

    [Fact]
    public void Weighted_paths_take_one_over_the_weight_as_length_as_networkx_does_with_that_distance()
    {
        // Square 0–1–2–3–0 with strong ties 0–1 and 1–2 (weight 4, length 0.25) and weak ones 2–3 and 3–0 (weight 1, length 1).
        // 0 to 2: the strong way (0.5) beats the weak (2), so 1 carries the pair; 1 to 3: 1.25 either way, so 0 and 2 carry half each.
        // Raw 1, 0.5, 0.5, 0 × 2 ÷ (3 × 2) = 1/3, 1/6, 1/6, 0. Closeness of 0: 3 ÷ (0.25 + 0.5 + 1) = 12/7; of 3: 3 ÷ (1 + 1 + 1.25) = 12/13.
        // networkx with distance = 1 ÷ weight gives the same.
        var graph = NetworkGraph.Build(4, [(0, 1, 4d), (1, 2, 4d), (2, 3, 1d), (3, 0, 1d)]);
        var (betweenness, closeness) = NetworkAnalysis.Paths(graph, weighted: true, TestContext.Current.CancellationToken);
        Assert.Equal(1 / 6d, betweenness[0], Places);
        Assert.Equal(1 / 3d, betweenness[1], Places);
        Assert.Equal(1 / 6d, betweenness[2], Places);
        Assert.Equal(0, betweenness[3], Places);
        Assert.Equal(12 / 7d, closeness[0], Places);
        Assert.Equal(12 / 13d, closeness[3], Places);
        // Unweighted the square is symmetric.
        var (plain, _) = NetworkAnalysis.Paths(graph, weighted: false, TestContext.Current.CancellationToken);
        Assert.All(plain, b => Assert.Equal(plain[0], b, Places));
    }

    [Fact]
    public void Empty_and_tiny_graphs_give_zeros_not_errors()
    {
        var none = NetworkAnalysis.Measure(NetworkGraph.Build(0, []), weighted: false, TestContext.Current.CancellationToken);
        Assert.Equal(0, none.Density);
        Assert.Equal(0, none.Components);
        var pair = NetworkAnalysis.Measure(NetworkGraph.Build(2, [(0, 1, 1d)]), weighted: false, TestContext.Current.CancellationToken);
        Assert.Equal([0d, 0d], pair.Betweenness);
        Assert.Equal([1d, 1d], pair.Closeness);
        Assert.Equal(1, pair.Density);
        Assert.Equal(0, pair.Modularity, Places);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
