namespace Tsunagari.Features.Insights;

/// <summary>
/// An undirected graph on nodes 0…n−1 with a positive weight per edge, stored as compressed sparse rows (each node's
/// neighbours in one slice of a flat array) so that the traversals behind betweenness and closeness touch only arrays.
/// Built by <see cref="Build"/>, which makes it simple: a self-loop is dropped and counted, and an edge given twice (a–b
/// and b–a are the same edge) becomes one edge whose weight is the sum, also counted, so callers can report both.
/// </summary>
public sealed class NetworkGraph
{
    private readonly int[] offsets;
    private readonly int[] neighbours;
    private readonly double[] arcWeights;

    private NetworkGraph(int nodeCount, int[] offsets, int[] neighbours, double[] arcWeights, int[] sources, int[] targets, double[] weights,
        int selfLoops, int duplicates)
    {
        NodeCount = nodeCount;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.arcWeights = arcWeights;
        EdgeSources = sources;
        EdgeTargets = targets;
        EdgeWeights = weights;
        IgnoredSelfLoops = selfLoops;
        MergedDuplicates = duplicates;
    }

    public int NodeCount { get; }

    /// <summary>Distinct edges, self-loops excluded.</summary>
    public int EdgeCount => EdgeSources.Count;

    /// <summary>The smaller end of each edge (edges ordered by their ends).</summary>
    public IReadOnlyList<int> EdgeSources { get; }

    public IReadOnlyList<int> EdgeTargets { get; }

    /// <summary>Each edge's weight: the sum of the weights it was given with.</summary>
    public IReadOnlyList<double> EdgeWeights { get; }

    /// <summary>Edges from a node to itself that were dropped.</summary>
    public int IgnoredSelfLoops { get; }

    /// <summary>Edges given again (either way round) that were merged into the first.</summary>
    public int MergedDuplicates { get; }

    /// <summary>Number of distinct neighbours.</summary>
    public int Degree(int node) => offsets[node + 1] - offsets[node];

    /// <summary>Sum of the weights of the node's edges (its strength).</summary>
    public double Strength(int node)
    {
        var sum = 0d;
        for (var i = offsets[node]; i < offsets[node + 1]; i++) sum += arcWeights[i];
        return sum;
    }

    public ReadOnlySpan<int> Neighbours(int node) => neighbours.AsSpan(offsets[node], Degree(node));

    public ReadOnlySpan<double> NeighbourWeights(int node) => arcWeights.AsSpan(offsets[node], Degree(node));

    /// <summary>The graph of <paramref name="nodeCount"/> nodes and these edges; ends must be in 0…n−1 and weights positive and finite.</summary>
    public static NetworkGraph Build(int nodeCount, IEnumerable<(int Source, int Target, double Weight)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var keyed = new List<(long Key, double Weight)>();
        var selfLoops = 0;
        foreach (var (source, target, weight) in edges)
        {
            if ((uint)source >= (uint)nodeCount || (uint)target >= (uint)nodeCount)
                throw new ArgumentOutOfRangeException(nameof(edges), "An edge's end is not a node of the graph.");
            if (!double.IsFinite(weight) || weight <= 0) throw new ArgumentOutOfRangeException(nameof(edges), "Weights must be positive and finite.");
            if (source == target)
            {
                selfLoops++;
                continue;
            }
            var (low, high) = source < target ? (source, target) : (target, source);
            keyed.Add(((long)low * nodeCount + high, weight));
        }
        // A stable sort keeps duplicates in the order given, so their sum is the same every time.
        var sorted = keyed.Select((e, i) => (e.Key, e.Weight, i)).OrderBy(e => e.Key).ThenBy(e => e.i).ToList();
        var sources = new List<int>(sorted.Count);
        var targets = new List<int>(sorted.Count);
        var weights = new List<double>(sorted.Count);
        var duplicates = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i].Key == sorted[i - 1].Key)
            {
                weights[^1] += sorted[i].Weight;
                duplicates++;
                continue;
            }
            sources.Add((int)(sorted[i].Key / nodeCount));
            targets.Add((int)(sorted[i].Key % nodeCount));
            weights.Add(sorted[i].Weight);
        }
        return FromSimpleEdges(nodeCount, [.. sources], [.. targets], [.. weights], selfLoops, duplicates);
    }

    private static NetworkGraph FromSimpleEdges(int nodeCount, int[] sources, int[] targets, double[] weights, int selfLoops, int duplicates)
    {
        var offsets = new int[nodeCount + 1];
        for (var e = 0; e < sources.Length; e++)
        {
            offsets[sources[e] + 1]++;
            offsets[targets[e] + 1]++;
        }
        for (var v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
        var next = offsets[..^1];
        var neighbours = new int[sources.Length * 2];
        var arcWeights = new double[sources.Length * 2];
        for (var e = 0; e < sources.Length; e++)
        {
            neighbours[next[sources[e]]] = targets[e];
            arcWeights[next[sources[e]]++] = weights[e];
            neighbours[next[targets[e]]] = sources[e];
            arcWeights[next[targets[e]]++] = weights[e];
        }
        return new(nodeCount, offsets, neighbours, arcWeights, sources, targets, weights, selfLoops, duplicates);
    }
}
