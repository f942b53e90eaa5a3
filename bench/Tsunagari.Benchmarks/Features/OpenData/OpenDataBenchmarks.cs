using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;

namespace Tsunagari.Benchmarks.Features.OpenData;

/// <summary>
/// The open-data endpoints, each a bulk operation over the seeded SQLite database (<see cref="BenchApp"/>: 20,000
/// opportunities): /opendata/events.csv for 千葉市 and its wards and for the whole prefecture (a row per occurrence in the
/// next 90 days, recurrences expanded, the 32 standard columns), and /opendata/organizations.json (HSDS, every
/// organization with its published opportunities). The baseline is the CSV's own read for 千葉市, the rows it starts
/// from, so the ratio is what the export does per row. In-memory cases weigh the parts of that work for 千葉市's rows:
/// the recurrences expanded, and the description's Markdown turned into plain text, which the export does for every
/// row (occurrence), not every opportunity. A call takes up to seconds: a few calls per case, in process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
public class OpenDataBenchmarks
{
    private static readonly Uri BaseUrl = new("https://tsunagari.example.jp");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private string[] chibaCity = [];
    private (Opportunity Opportunity, int Rows)[] chibaRows = [];

    [GlobalSetup]
    public void Setup()
    {
        var city = Japan.Shared.Municipality("121002")!;
        chibaCity = [city.Code, .. city.Wards.Select(w => w.Code)];
        var now = DateTimeOffset.UtcNow;
        var opportunities = ReadAsync().GetAwaiter().GetResult();
        chibaRows = [.. opportunities.Select(o => (o, Recurrence.Occurrences(o, now, now.AddDays(ExportEvents.Days)).Count))];
        Console.WriteLine($"// 千葉市: {opportunities.Count:N0} opportunities, {chibaRows.Sum(r => r.Rows):N0} rows");
    }

    [Benchmark(Baseline = true, Description = "千葉市: the export's read alone (baseline)")]
    public async Task<int> Read() => (await ReadAsync()).Count;

    [Benchmark(Description = "events.csv, 千葉市 and its wards")]
    public async Task<int> EventsCsvChibaCity()
    {
        await using var scope = BenchApp.Request();
        return (await scope.ServiceProvider.GetRequiredService<ExportEvents>().RunAsync(chibaCity, BaseUrl, CancellationToken.None)).Length;
    }

    [Benchmark(Description = "events.csv, the whole prefecture")]
    public async Task<int> EventsCsvAll()
    {
        await using var scope = BenchApp.Request();
        return (await scope.ServiceProvider.GetRequiredService<ExportEvents>().RunAsync(null, BaseUrl, CancellationToken.None)).Length;
    }

    [Benchmark(Description = "organizations.json (HSDS), serialized")]
    public async Task<int> OrganizationsJson()
    {
        await using var scope = BenchApp.Request();
        var items = await scope.ServiceProvider.GetRequiredService<HsdsDirectory>().RunAsync(BaseUrl, CancellationToken.None);
        return JsonSerializer.SerializeToUtf8Bytes(items, Web).Length;
    }

    [Benchmark(Description = "千葉市: occurrences in the next 90 days expanded (Ical.Net)")]
    public int Occurrences()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = 0;
        foreach (var (o, _) in chibaRows) rows += Recurrence.Occurrences(o, now, now.AddDays(ExportEvents.Days)).Count;
        return rows;
    }

    [Benchmark(Description = "千葉市: descriptions to plain text, once per row (as the CSV does)")]
    public int PlainTextPerRow()
    {
        var length = 0;
        foreach (var (o, rows) in chibaRows)
            for (var i = 0; i < rows; i++) length += MarkdownHtml.PlainText(o.Description).Length;
        return length;
    }

    [Benchmark(Description = "千葉市: descriptions to plain text, once per opportunity")]
    public int PlainTextPerOpportunity()
    {
        var length = 0;
        foreach (var (o, rows) in chibaRows)
            if (rows > 0) length += MarkdownHtml.PlainText(o.Description).Length;
        return length;
    }

    /// <summary>The same query as <see cref="ExportEvents.RunAsync"/> makes for 千葉市, in a scope of its own.</summary>
    private async Task<List<Opportunity>> ReadAsync()
    {
        await using var scope = BenchApp.Request();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        return await db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published && chibaCity.Contains(o.MunicipalityCode) && (o.RecurrenceRule != null || o.StartsAt >= now))
            .ToListAsync();
    }

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(5).WithIterationCount(20));
            // BenchmarkDotNet's separate runner build passed its timeout on the shared machine; in process there is none.
        }
    }
}
