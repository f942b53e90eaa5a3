using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Tsunagari.Benchmarks.Features.Search.SearchBenchmarks).Assembly).Run(args);

/// <summary>Named so that BenchmarkSwitcher can find this assembly's benchmarks.</summary>
public partial class Program;
