using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Tsunagari.Features.Regions;

namespace Tsunagari.Benchmarks.Features.Regions;

/// <summary>
/// The regions hot paths: every page and API call of the feature validates a code and looks it up in the catalogue.
/// The baseline is a plain dictionary lookup, what a lookup costs without validation or the frozen catalogue.
/// </summary>
[MemoryDiagnoser]
public class RegionsBenchmarks
{
    private string[] codes = [];
    private string[] municipalityCodes = [];
    private Dictionary<string, string> plain = [];
    private Japan japan = null!;

    [GlobalSetup]
    public void Setup()
    {
        japan = Japan.Shared;
        codes = [.. japan.Codes];
        municipalityCodes = [.. japan.Municipalities.Select(m => m.Code)];
        plain = japan.Municipalities.ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);
    }

    [Benchmark(Baseline = true, Description = "Dictionary lookup of every municipality code (baseline)")]
    public int DictionaryLookup()
    {
        var found = 0;
        foreach (var code in municipalityCodes)
            if (plain.ContainsKey(code)) found++;
        return found;
    }

    [Benchmark(Description = "Check digit of every shipped code (1,969)")]
    public int ValidateAllCodes()
    {
        var valid = 0;
        foreach (var code in codes)
            if (LocalGovernmentCode.IsValid(code)) valid++;
        return valid;
    }

    [Benchmark(Description = "Catalogue lookup of every municipality code (1,922)")]
    public int CatalogueLookup()
    {
        var found = 0;
        foreach (var code in municipalityCodes)
            if (japan.Municipality(code) is not null) found++;
        return found;
    }

    [Benchmark(Description = "Validate then look up every municipality code, as a request does")]
    public int ValidateAndLookUp()
    {
        var found = 0;
        foreach (var code in municipalityCodes)
            if (LocalGovernmentCode.IsValid(code) && japan.Municipality(code) is not null) found++;
        return found;
    }

    [Benchmark(Description = "Load the catalogue from the embedded JSON")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
    public int LoadCatalogue() => Japan.Load().Prefectures.Count;
}
