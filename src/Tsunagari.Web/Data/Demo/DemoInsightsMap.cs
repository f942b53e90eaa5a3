using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features;
using Tsunagari.Features.Insights;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// A demo population for Chiba's municipalities, so the map and the dashboards can show figures per 1,000 residents in
/// the demo. The numbers are rough round figures, labelled as demo data in their source: they are not official
/// statistics, and a prefecture loads its own at /admin/population.
/// </summary>
public sealed class DemoInsightsMap(AppDbContext db, IOptions<TsunagariOptions> options, TimeProvider clock) : ISeed
{
    /// <summary>Shown with every figure computed from the demo population.</summary>
    public const string Source = "\u30C7\u30E2\u7528\u306E\u6982\u6570\uFF08\u516C\u5F0F\u306E\u7D71\u8A08\u3067\u306F\u3042\u308A\u307E\u305B\u3093\uFF09";

    /// <summary>Approximate populations, rounded (the larger to 10,000, the smaller to 1,000).</summary>
    private static readonly IReadOnlyDictionary<string, int> Chiba = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["121002"] = 980_000,
        ["122025"] = 55_000,
        ["122033"] = 490_000,
        ["122041"] = 650_000,
        ["122050"] = 45_000,
        ["122068"] = 135_000,
        ["122076"] = 500_000,
        ["122084"] = 150_000,
        ["122106"] = 85_000,
        ["122114"] = 130_000,
        ["122122"] = 170_000,
        ["122131"] = 57_000,
        ["122157"] = 63_000,
        ["122165"] = 175_000,
        ["122173"] = 435_000,
        ["122181"] = 16_000,
        ["122190"] = 270_000,
        ["122203"] = 210_000,
        ["122211"] = 200_000,
        ["122220"] = 130_000,
        ["122238"] = 31_000,
        ["122246"] = 110_000,
        ["122254"] = 80_000,
        ["122262"] = 42_000,
        ["122271"] = 170_000,
        ["122289"] = 95_000,
        ["122297"] = 65_000,
        ["122301"] = 67_000,
        ["122319"] = 110_000,
        ["122327"] = 62_000,
        ["122335"] = 49_000,
        ["122343"] = 35_000,
        ["122351"] = 34_000,
        ["122360"] = 72_000,
        ["122378"] = 48_000,
        ["122386"] = 36_000,
        ["122394"] = 48_000,
        ["123226"] = 20_000,
        ["123293"] = 20_000,
        ["123421"] = 6_000,
        ["123471"] = 14_000,
        ["123498"] = 13_000,
        ["124036"] = 15_000,
        ["124095"] = 7_000,
        ["124109"] = 22_000,
        ["124214"] = 12_000,
        ["124222"] = 7_000,
        ["124231"] = 14_000,
        ["124249"] = 10_000,
        ["124265"] = 6_000,
        ["124273"] = 7_000,
        ["124419"] = 8_000,
        ["124435"] = 7_000,
        ["124630"] = 7_000,
    };

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (options.Value.Prefecture != "120006" || await db.MunicipalityPopulations.AnyAsync()) return;
        var now = clock.GetUtcNow();
        var asOf = new DateOnly(2025, 10, 1);
        db.MunicipalityPopulations.AddRange(Chiba.Select(p => new MunicipalityPopulation(p.Key, p.Value, asOf, Source, now, null)));
        await db.SaveChangesAsync();
    }
}
