namespace Tsunagari.Features.Insights;

/// <summary>
/// The measures of a network, defined as networkx defines them for undirected graphs so that figures can be checked
/// against it (formulas in docs/insights-network.md). Unweighted, every edge counts 1. Weighted, an edge's weight is the
/// strength of the tie (people or projects shared): it is summed for the weighted degree and for modularity and
/// Louvain, and path-based measures (betweenness, closeness) take 1 ÷ weight as the edge's length, so a strong tie is a
/// short path. networkx instead reads the weight as a length; pass 1 ÷ weight to it to compare. The clustering
/// coefficient always counts triangles unweighted.
/// </summary>
public static class NetworkAnalysis
{
    public static NetworkMeasures Measure(NetworkGraph graph, bool weighted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var (component, components) = Components(graph);
        var (betweenness, closeness) = Paths(graph, weighted, cancellationToken);
        var clustering = Clustering(graph);
        var (community, modularity) = NetworkCommunities.Louvain(graph, weighted, cancellationToken);
        return new(
            [.. Enumerable.Range(0, n).Select(graph.Degree)],
            [.. Enumerable.Range(0, n).Select(v => weighted ? graph.Strength(v) : graph.Degree(v))],
            betweenness, closeness, clustering, community, component,
            Density(graph), n == 0 ? 0 : clustering.Average(), modularity, components, community.Length == 0 ? 0 : community.Max() + 1);
    }

    /// <summary>2m ÷ (n(n − 1)); 0 for fewer than two nodes.</summary>
    public static double Density(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = (double)graph.NodeCount;
        return n < 2 ? 0 : 2d * graph.EdgeCount / (n * (n - 1));
    }

    /// <summary>Each node's component, numbered 0, 1, … in the order of their lowest node; and how many there are.</summary>
    public static (int[] Component, int Count) Components(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var component = new int[graph.NodeCount];
        Array.Fill(component, -1);
        var stack = new int[graph.NodeCount];
        var count = 0;
        for (var start = 0; start < graph.NodeCount; start++)
        {
            if (component[start] >= 0) continue;
            var top = 0;
            stack[top++] = start;
            component[start] = count;
            while (top > 0)
            {
                var v = stack[--top];
                foreach (var w in graph.Neighbours(v))
                {
                    if (component[w] >= 0) continue;
                    component[w] = count;
                    stack[top++] = w;
                }
            }
            count++;
        }
        return (component, count);
    }

    /// <summary>
    /// Local clustering: 2T ÷ (k(k − 1)) with T the triangles through the node and k its degree; 0 below degree 2.
    /// Triangles are counted by marking a node's neighbours and walking theirs.
    /// </summary>
    public static double[] Clustering(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var result = new double[n];
        var mark = new int[n];
        for (var u = 0; u < n; u++)
        {
            var k = graph.Degree(u);
            if (k < 2) continue;
            var stamp = u + 1;
            foreach (var v in graph.Neighbours(u)) mark[v] = stamp;
            long links = 0;
            foreach (var v in graph.Neighbours(u))
                foreach (var w in graph.Neighbours(v))
                    if (mark[w] == stamp) links++;
            // Each link between two neighbours was seen from both ends.
            result[u] = links / ((double)k * (k - 1));
        }
        return result;
    }

    /// <summary>
    /// Betweenness (Brandes 2001) normalised for undirected graphs, Σ over pairs s≠t of σ_st(v) ÷ σ_st × 2 ÷ ((n − 1)(n − 2)),
    /// and closeness with the Wasserman–Faust scaling, (r − 1) ÷ Σd × (r − 1) ÷ (n − 1) with r the nodes reached from v
    /// counting v; both from one shortest-path search per source, sources spread over the cores.
    /// </summary>
    public static (double[] Betweenness, double[] Closeness) Paths(NetworkGraph graph, bool weighted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var betweenness = new double[n];
        var closeness = new double[n];
        var gate = new object();
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken },
            () => new PathSearch(graph),
            (source, _, search) =>
            {
                var (reached, total) = weighted ? search.FromWeighted(source) : search.FromUnweighted(source);
                closeness[source] = total > 0 && n > 1 ? (reached - 1) / total * ((reached - 1) / (double)(n - 1)) : 0;
                return search;
            },
            search =>
            {
                lock (gate)
                    for (var v = 0; v < n; v++) betweenness[v] += search.Dependency[v];
            });
        // Each pair was counted from both ends: ÷ 2, then × 2 ÷ ((n − 1)(n − 2)).
        if (n > 2)
        {
            var scale = 1d / ((n - 1d) * (n - 2d));
            for (var v = 0; v < n; v++) betweenness[v] *= scale;
        }
        else Array.Clear(betweenness);
        return (betweenness, closeness);
    }

    /// <summary>One thread's buffers for single-source searches, reused for every source it takes.</summary>
    private sealed class PathSearch(NetworkGraph graph)
    {
        private readonly int[] hops = new int[graph.NodeCount];
        private readonly double[] length = new double[graph.NodeCount];
        private readonly double[] paths = new double[graph.NodeCount];
        private readonly double[] delta = new double[graph.NodeCount];
        private readonly int[] order = new int[graph.NodeCount];
        private readonly int[] predecessorHead = new int[graph.NodeCount];
        private readonly int[] predecessorNext = new int[graph.EdgeCount * 2];
        private readonly int[] predecessorNode = new int[graph.EdgeCount * 2];
        private readonly int[] heapNode = new int[graph.EdgeCount * 2 + 1];
        private readonly double[] heapKey = new double[graph.EdgeCount * 2 + 1];

        /// <summary>The sum over this thread's sources of each node's dependency.</summary>
        public double[] Dependency { get; } = new double[graph.NodeCount];

        /// <summary>Breadth-first search; predecessors are the neighbours one hop nearer, found again when accumulating.</summary>
        public (int Reached, double Total) FromUnweighted(int source)
        {
            Array.Fill(hops, -1);
            Array.Clear(paths);
            Array.Clear(delta);
            hops[source] = 0;
            paths[source] = 1;
            order[0] = source;
            int head = 0, tail = 1;
            long total = 0;
            while (head < tail)
            {
                var v = order[head++];
                var next = hops[v] + 1;
                foreach (var w in graph.Neighbours(v))
                {
                    if (hops[w] < 0)
                    {
                        hops[w] = next;
                        total += next;
                        order[tail++] = w;
                    }
                    if (hops[w] == next) paths[w] += paths[v];
                }
            }
            for (var i = tail - 1; i > 0; i--)
            {
                var w = order[i];
                var share = (1 + delta[w]) / paths[w];
                var previous = hops[w] - 1;
                foreach (var v in graph.Neighbours(w))
                    if (hops[v] == previous) delta[v] += paths[v] * share;
                Dependency[w] += delta[w];
            }
            return (tail, total);
        }

        /// <summary>Dijkstra with a binary heap (lazy deletion); edge length 1 ÷ weight; near-equal lengths (1e-10 relative) tie.</summary>
        public (int Reached, double Total) FromWeighted(int source)
        {
            Array.Fill(length, double.PositiveInfinity);
            Array.Fill(predecessorHead, -1);
            Array.Clear(paths);
            Array.Clear(delta);
            var done = hops;
            Array.Clear(done);
            var slots = 0;
            var heapSize = 0;
            length[source] = 0;
            paths[source] = 1;
            Push(ref heapSize, source, 0);
            var settled = 0;
            var total = 0d;
            while (heapSize > 0)
            {
                var (v, key) = Pop(ref heapSize);
                if (done[v] != 0 || key > length[v]) continue;
                done[v] = 1;
                order[settled++] = v;
                total += length[v];
                var neighbourWeights = graph.NeighbourWeights(v);
                var vNeighbours = graph.Neighbours(v);
                for (var i = 0; i < vNeighbours.Length; i++)
                {
                    var w = vNeighbours[i];
                    if (done[w] != 0) continue;
                    var candidate = length[v] + 1 / neighbourWeights[i];
                    var tolerance = 1e-10 * Math.Max(1, candidate);
                    if (candidate < length[w] - tolerance)
                    {
                        length[w] = candidate;
                        paths[w] = paths[v];
                        predecessorHead[w] = -1;
                        AddPredecessor(ref slots, w, v);
                        Push(ref heapSize, w, candidate);
                    }
                    else if (Math.Abs(candidate - length[w]) <= tolerance)
                    {
                        paths[w] += paths[v];
                        AddPredecessor(ref slots, w, v);
                    }
                }
            }
            for (var i = settled - 1; i > 0; i--)
            {
                var w = order[i];
                var share = (1 + delta[w]) / paths[w];
                for (var p = predecessorHead[w]; p >= 0; p = predecessorNext[p]) delta[predecessorNode[p]] += paths[predecessorNode[p]] * share;
                Dependency[w] += delta[w];
            }
            return (settled, total);
        }

        private void AddPredecessor(ref int slots, int node, int predecessor)
        {
            predecessorNode[slots] = predecessor;
            predecessorNext[slots] = predecessorHead[node];
            predecessorHead[node] = slots++;
        }

        private void Push(ref int size, int node, double key)
        {
            var i = size++;
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (heapKey[parent] <= key) break;
                heapKey[i] = heapKey[parent];
                heapNode[i] = heapNode[parent];
                i = parent;
            }
            heapKey[i] = key;
            heapNode[i] = node;
        }

        private (int Node, double Key) Pop(ref int size)
        {
            var top = (heapNode[0], heapKey[0]);
            var lastKey = heapKey[--size];
            var lastNode = heapNode[size];
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && heapKey[child + 1] < heapKey[child]) child++;
                if (heapKey[child] >= lastKey) break;
                heapKey[i] = heapKey[child];
                heapNode[i] = heapNode[child];
                i = child;
            }
            heapKey[i] = lastKey;
            heapNode[i] = lastNode;
            return top;
        }
    }
}

/// <summary>The measures of every node (indexed like the graph's nodes) and of the whole network.</summary>
public sealed record NetworkMeasures(
    IReadOnlyList<int> Degree,
    IReadOnlyList<double> WeightedDegree,
    IReadOnlyList<double> Betweenness,
    IReadOnlyList<double> Closeness,
    IReadOnlyList<double> Clustering,
    IReadOnlyList<int> Community,
    IReadOnlyList<int> Component,
    double Density,
    double AverageClustering,
    double Modularity,
    int Components,
    int Communities);
