using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Benchmarks.Features.ProBono;

/// <summary>
/// Team formation (issue 6: 500 challenges x 10,000 professionals in ≤ 10 s). <see cref="FormTeams"/> on the large
/// round runs the heuristic (greedy construction + local search); the baseline in the same run is the greedy
/// construction alone, so the ratio is the cost of the local search. A small round (14 x 70) shows CP-SAT's time to
/// prove the optimum. A call takes seconds: a few calls per case, in process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TeamFormationBenchmarks
{
    private TeamFormationProblem large = null!;
    private TeamFormationProblem small = null!;
    private readonly FormTeams formTeams = new();

    [GlobalSetup]
    public void Setup()
    {
        large = TeamFormationRounds.Generate(20261128, 500, 10_000, timeLimitSeconds: 10);
        small = TeamFormationRounds.Generate(1, 14, 70, timeLimitSeconds: 10);
        // Printed once, so that the report says what quality the measured times bought.
        var heuristic = formTeams.Solve(large);
        var greedy = FormTeams.Greedy(large);
        var exact = formTeams.Solve(small);
        Console.WriteLine($"// 500x10000: {heuristic.Solver} staffed {heuristic.StaffedCount}, fit {heuristic.TotalFit}; greedy staffed {greedy.StaffedCount}, fit {greedy.TotalFit}");
        Console.WriteLine($"// 14x70: {exact.Solver} staffed {exact.StaffedCount}, fit {exact.TotalFit}, optimal {exact.Optimal}");
    }

    [Benchmark(Baseline = true, Description = "Greedy construction only, 500 x 10,000")]
    public TeamFormationResult Greedy() => FormTeams.Greedy(large);

    [Benchmark(Description = "FormTeams (heuristic), 500 x 10,000")]
    public TeamFormationResult Large() => formTeams.Solve(large);

    [Benchmark(Description = "FormTeams (CP-SAT, proven optimal), 14 x 70")]
    public TeamFormationResult Small() => formTeams.Solve(small);

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(1).WithIterationCount(5));
            AddColumn(StatisticColumn.Max);
        }
    }
}
