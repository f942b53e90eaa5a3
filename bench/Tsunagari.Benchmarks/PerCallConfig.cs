using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tsunagari.Benchmarks;

/// <summary>
/// One call per iteration, so that P95 is the 95th percentile of single calls (what a visitor waits for) rather than of
/// iteration averages, which would hide the slow calls. 300 warm-up calls: with 20, the JIT had not finished tiering
/// the code up and the measured calls still got faster from the first to the last (10 ms to 6 ms for one search); a
/// server runs these paths all day, so the steady state is what counts.
/// </summary>
public class PerCallConfig : ManualConfig
{
    public PerCallConfig()
        : this(null)
    {
    }

    protected PerCallConfig(IToolchain? toolchain)
    {
        var job = Job.Default.WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(300).WithIterationCount(200);
        AddJob(toolchain is null ? job : job.WithToolchain(toolchain));
        AddColumn(StatisticColumn.P95);
        // BenchmarkDotNet builds its runner project first; two minutes is not enough on the shared machine.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}

/// <summary>The same, in the benchmark's own process (no runner project to build).</summary>
public sealed class InProcessPerCallConfig() : PerCallConfig(InProcessEmitToolchain.Instance);
