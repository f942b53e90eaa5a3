namespace Tsunagari.Features.Insights;

/// <summary>
/// Communities by the Louvain method (Blondel et al. 2008) and their modularity, resolution 1. Deterministic: nodes are
/// visited in their order (networkx shuffles them with a seed), a node moves only for a strictly better gain, and ties go
/// to the community met first; so the same graph always gives the same communities.
/// </summary>
public static class NetworkCommunities
{
    private const double MinimumGain = 1e-12;

    /// <summary>Each node's community, numbered 0, 1, … in the order of their lowest node, and the partition's modularity.</summary>
    public static (int[] Community, double Modularity) Louvain(NetworkGraph graph, bool weighted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var community = Enumerable.Range(0, n).ToArray();
        if (graph.EdgeCount == 0) return (community, 0);
        var level = Level.Of(graph, weighted);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (moved, assignment) = level.MoveNodes(cancellationToken);
            if (!moved) break;
            for (var v = 0; v < n; v++) community[v] = assignment[community[v]];
            level = level.Aggregate(assignment);
        }
        var numbered = Renumber(community);
        return (numbered, Modularity(graph, numbered, weighted));
    }

    /// <summary>
    /// Q = Σ_c [ L_c ÷ m − (d_c ÷ 2m)² ]: L_c the weight of the edges inside community c, d_c the sum of its nodes'
    /// (weighted) degrees, m the total weight; 0 for a graph without edges.
    /// </summary>
    public static double Modularity(NetworkGraph graph, IReadOnlyList<int> community, bool weighted)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(community);
        var count = community.Count == 0 ? 0 : community.Max() + 1;
        var inside = new double[count];
        var degrees = new double[count];
        var total = 0d;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var w = weighted ? graph.EdgeWeights[e] : 1;
            int a = community[graph.EdgeSources[e]], b = community[graph.EdgeTargets[e]];
            total += w;
            degrees[a] += w;
            degrees[b] += w;
            if (a == b) inside[a] += w;
        }
        if (total == 0) return 0;
        var q = 0d;
        for (var c = 0; c < count; c++) q += inside[c] / total - Math.Pow(degrees[c] / (2 * total), 2);
        return q;
    }

    private static int[] Renumber(int[] community)
    {
        var names = new Dictionary<int, int>();
        return [.. community.Select(c => names.TryGetValue(c, out var name) ? name : names[c] = names.Count)];
    }

    /// <summary>One level's graph: nodes are the previous level's communities, a community's inner weight a self-loop.</summary>
    private sealed class Level
    {
        private readonly int[] offsets;
        private readonly int[] neighbours;
        private readonly double[] weights;
        private readonly double[] selfLoop;
        private readonly double total;

        private Level(int[] offsets, int[] neighbours, double[] weights, double[] selfLoop, double total)
        {
            this.offsets = offsets;
            this.neighbours = neighbours;
            this.weights = weights;
            this.selfLoop = selfLoop;
            this.total = total;
        }

        private int Count => selfLoop.Length;

        public static Level Of(NetworkGraph graph, bool weighted)
        {
            var n = graph.NodeCount;
            var offsets = new int[n + 1];
            for (var v = 0; v < n; v++) offsets[v + 1] = offsets[v] + graph.Degree(v);
            var neighbours = new int[offsets[n]];
            var weights = new double[offsets[n]];
            var total = 0d;
            for (var v = 0; v < n; v++)
            {
                graph.Neighbours(v).CopyTo(neighbours.AsSpan(offsets[v]));
                if (weighted) graph.NeighbourWeights(v).CopyTo(weights.AsSpan(offsets[v]));
                else weights.AsSpan(offsets[v], graph.Degree(v)).Fill(1);
            }
            for (var e = 0; e < graph.EdgeCount; e++) total += weighted ? graph.EdgeWeights[e] : 1;
            return new(offsets, neighbours, weights, new double[n], total);
        }

        /// <summary>
        /// Moves nodes one at a time to the neighbouring community with the best modularity gain, in passes until a
        /// pass moves none; returns whether any node moved and each node's community (numbered 0…k−1).
        /// </summary>
        public (bool Moved, int[] Community) MoveNodes(CancellationToken cancellationToken)
        {
            var n = Count;
            var community = Enumerable.Range(0, n).ToArray();
            var degree = new double[n];
            for (var v = 0; v < n; v++)
            {
                degree[v] = 2 * selfLoop[v];
                for (var i = offsets[v]; i < offsets[v + 1]; i++) degree[v] += weights[i];
            }
            var communityDegree = (double[])degree.Clone();
            var toCommunity = new double[n];
            var touched = new List<int>();
            var movedAny = false;
            var m = total;
            bool movedInPass;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                movedInPass = false;
                for (var v = 0; v < n; v++)
                {
                    foreach (var c in touched) toCommunity[c] = 0;
                    touched.Clear();
                    for (var i = offsets[v]; i < offsets[v + 1]; i++)
                    {
                        var c = community[neighbours[i]];
                        // Weights are positive, so a community not yet touched still reads 0.
                        if (toCommunity[c] == 0) touched.Add(c);
                        toCommunity[c] += weights[i];
                    }
                    var own = community[v];
                    communityDegree[own] -= degree[v];
                    // Gain of joining c, up to a term common to all c: w(v, c) ÷ m − d_c × d_v ÷ (2m²).
                    var best = own;
                    var bestGain = toCommunity[own] / m - communityDegree[own] * degree[v] / (2 * m * m);
                    foreach (var c in touched)
                    {
                        var gain = toCommunity[c] / m - communityDegree[c] * degree[v] / (2 * m * m);
                        if (gain > bestGain + MinimumGain)
                        {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    communityDegree[best] += degree[v];
                    if (best == own) continue;
                    community[v] = best;
                    movedInPass = movedAny = true;
                }
            }
            while (movedInPass);
            return (movedAny, Renumber(community));
        }

        /// <summary>The next level: one node per community, edge weights summed, inner weight kept as a self-loop.</summary>
        public Level Aggregate(int[] community)
        {
            var count = community.Length == 0 ? 0 : community.Max() + 1;
            var selfLoops = new double[count];
            var links = new Dictionary<(int, int), double>();
            for (var v = 0; v < Count; v++)
            {
                selfLoops[community[v]] += selfLoop[v];
                for (var i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    var w = neighbours[i];
                    if (w < v) continue;
                    int a = community[v], b = community[w];
                    if (a == b) selfLoops[a] += weights[i];
                    else
                    {
                        var key = a < b ? (a, b) : (b, a);
                        links[key] = links.GetValueOrDefault(key) + weights[i];
                    }
                }
            }
            var offsets2 = new int[count + 1];
            foreach (var ((a, b), _) in links)
            {
                offsets2[a + 1]++;
                offsets2[b + 1]++;
            }
            for (var c = 0; c < count; c++) offsets2[c + 1] += offsets2[c];
            var next = offsets2[..^1];
            var neighbours2 = new int[offsets2[count]];
            var weights2 = new double[offsets2[count]];
            foreach (var ((a, b), w) in links.OrderBy(l => l.Key))
            {
                neighbours2[next[a]] = b;
                weights2[next[a]++] = w;
                neighbours2[next[b]] = a;
                weights2[next[b]++] = w;
            }
            return new(offsets2, neighbours2, weights2, selfLoops, total);
        }
    }
}
