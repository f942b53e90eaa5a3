namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// How donated time is valued: yen per hour for each skill of the shared taxonomy, and for skills without a rate. The
/// deployment sets them (appsettings.json, section "Tsunagari:ProBono", rates keyed by skill); the value is shown as the organization's in-kind
/// contribution, with the rates it rests on.
/// </summary>
public sealed class ProBonoOptions
{
    public const string Section = "Tsunagari:ProBono";

    public decimal DefaultHourlyRate { get; set; } = 3000;

    public Dictionary<string, decimal> HourlyRates { get; set; } = new(StringComparer.Ordinal);

    public decimal RateFor(string skill) => HourlyRates.TryGetValue(skill, out var rate) ? rate : DefaultHourlyRate;

    /// <summary>Hours × the rate of each entry's skill, in whole yen.</summary>
    public decimal Value(IEnumerable<(string Skill, decimal Hours)> entries) =>
        Math.Round(entries.Sum(e => e.Hours * RateFor(e.Skill)), 0, MidpointRounding.AwayFromZero);
}
