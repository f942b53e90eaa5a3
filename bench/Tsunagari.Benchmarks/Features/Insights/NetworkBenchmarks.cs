using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tsunagari.Features.Insights;

namespace Tsunagari.Benchmarks.Features.Insights;

/// <summary>
/// The network measures (issue 10: 20,000 nodes and 100,000 edges) on a seeded random graph (edges drawn uniformly
/// between distinct nodes, duplicates merged, so a little under 100,000 remain). The baseline in the same run is degree
/// and components, which are linear; the ratio is the cost of everything else, mostly betweenness and closeness
/// (Brandes, one search per source: O(nm)). A call takes seconds: a few calls per case, in process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class NetworkBenchmarks
{
    public const int Nodes = 20_000;
    public const int Edges = 100_000;

    private NetworkGraph graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        graph = Random(20261129, Nodes, Edges);
        var (_, components) = NetworkAnalysis.Components(graph);
        Console.WriteLine($"// {graph.NodeCount} nodes, {graph.EdgeCount} edges ({graph.MergedDuplicates} duplicates merged), {components} components, {Environment.ProcessorCount} cores");
    }

    public static NetworkGraph Random(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var list = new List<(int, int, double)>(edges);
        while (list.Count < edges)
        {
            int a = random.Next(nodes), b = random.Next(nodes);
            if (a != b) list.Add((a, b, 1 + random.Next(5)));
        }
        return NetworkGraph.Build(nodes, list);
    }

    [Benchmark(Baseline = true, Description = "Degree and components, 20,000 x 100,000")]
    public int DegreeAndComponents()
    {
        var sum = 0;
        for (var v = 0; v < graph.NodeCount; v++) sum += graph.Degree(v);
        return sum + NetworkAnalysis.Components(graph).Count;
    }

    [Benchmark(Description = "All measures, unweighted, 20,000 x 100,000")]
    public NetworkMeasures All() => NetworkAnalysis.Measure(graph, weighted: false);

    [Benchmark(Description = "All measures, weighted (Dijkstra), 20,000 x 100,000")]
    public NetworkMeasures AllWeighted() => NetworkAnalysis.Measure(graph, weighted: true);

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process, without the default five-minute limit per benchmark: a call took 2.3 minutes on the loaded shared machine.
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
                .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(1).WithIterationCount(2));
            AddColumn(StatisticColumn.Max);
        }
    }
}
