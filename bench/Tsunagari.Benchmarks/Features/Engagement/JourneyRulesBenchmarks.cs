using BenchmarkDotNet.Attributes;
using Tsunagari.Features.Engagement.Journeys;

namespace Tsunagari.Benchmarks.Features.Engagement;

/// <summary>
/// The journey's rule, evaluated for one person and organization each time a record of theirs changes and for every
/// pair in the nightly 定着 pass (4.7 million pairs at prefecture scale). The baseline sorts the same records by date,
/// the least an evaluation over a person's history has to do.
/// </summary>
[MemoryDiagnoser]
public class JourneyRulesBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly JourneyOptions Options = new();

    private JourneyRules.Activity[] regular = [];
    private JourneyRules.Activity[] once = [];

    [GlobalSetup]
    public void Setup()
    {
        // Three years of a weekly regular in two municipalities, and one first experience.
        regular = [.. Enumerable.Range(0, 156).Select(w => new JourneyRules.Activity(Now.AddDays(-7 * w), 2, w % 3 == 0 ? "121011" : "121002"))];
        once = [new JourneyRules.Activity(Now.AddDays(-10), 2, "121002")];
    }

    [Benchmark(Baseline = true, Description = "Sort a regular's 156 records by date (baseline)")]
    public int Sort() => regular.OrderBy(a => a.At).Count();

    [Benchmark(Description = "Evaluate a regular: 156 weekly records over three years")]
    public JourneyRules.Outcome? Regular() => JourneyRules.Evaluate(regular, [], "121002", Options, Now);

    [Benchmark(Description = "Evaluate a first experience: one record")]
    public JourneyRules.Outcome? FirstExperience() => JourneyRules.Evaluate(once, [], "121002", Options, Now);
}
