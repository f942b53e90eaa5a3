using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Insights.Dashboards;
using Tsunagari.Tests.Features.Opportunities;
using static Tsunagari.Tests.Features.Engagement.JourneyData;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>The dashboards' test app: journeys and figures are processed when the tests say so.</summary>
public sealed class DashboardApp : TestApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Tsunagari:Journey:PollInterval"] = "01:00:00";
        settings["Tsunagari:Dashboards:RefreshInBackground"] = "false";
    }
}

/// <summary>
/// The regional dashboards from participation records: the figures kept incrementally equal a rebuild, the pages show
/// them with small counts hidden, charts download, and bad input gets messages or 404.
/// </summary>
public sealed class DashboardTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private const string Ichikawa = "122033", Tateyama = "122050", ChibaCity = "121002";

    private static readonly string[] Eleven = ["122025", "122033", "122041", "122050", "122068", "122076", "122084", "122106", "122114", "122122", "122131"];

    private static readonly ConditionalWeakTable<DashboardApp, object> Organizations = [];

    private async Task<Guid> OrganizationAsync()
    {
        if (Organizations.TryGetValue(app, out var known)) return (Guid)known;
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "ダッシュボードのNPO");
        Organizations.Add(app, organizationId);
        return organizationId;
    }

    /// <summary>Check-ins of new people at an opportunity, then the journeys' processing of exactly those pairs (the outbox's path).</summary>
    private async Task<List<Guid>> AttendAsync(Guid opportunityId, int people, params DateTimeOffset[] dates)
    {
        var organizationId = await OrganizationAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < people; i++)
        {
            var person = await PersonAsync(app, "dashboard");
            await Tsunagari.Tests.Features.Engagement.JourneyData.AttendAsync(app, opportunityId, person, dates);
            ids.Add(person);
        }
        await ProcessAsync(ids.Select(id => (id, organizationId)));
        return ids;
    }

    private async Task ProcessAsync(IEnumerable<(Guid, Guid)> pairs)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Update(db, DateTimeOffset.UtcNow).UpdateAsync(pairs, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<List<string>> PeopleFiguresAsync() => DbAsync(async db =>
    {
        var measures = RegionalMeasures.People;
        return (await db.RegionalFigures.AsNoTracking().Where(f => measures.Contains(f.Measure)).ToListAsync())
            .Select(f => $"{f.MunicipalityCode}|{f.Measure}|{f.Key}|{f.Quarter}|{f.Value:0.##}").Order(StringComparer.Ordinal).ToList();
    });

    private static JsonElement Row(JsonElement chart, string category) =>
        chart.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("category").GetString() == category).GetProperty("values");

    private static int QuarterNumber => RegionalFigure.QuarterOf(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime));

    private static string ThisQuarter => RegionalFigure.QuarterLabel(RegionalFigure.QuarterOf(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime)));

    [Fact]
    public async Task Figures_kept_incrementally_equal_a_rebuild_after_check_ins_hours_a_newcomer_and_an_erasure()
    {
        var organizationId = await OrganizationAsync();
        var activity = await OpportunityAsync(app, organizationId, Ichikawa);
        var now = DateTimeOffset.UtcNow;
        var first = await AttendAsync(activity, 3, now.AddDays(-200), now.AddDays(-100));
        await Tsunagari.Tests.Features.Engagement.JourneyData.AttendAsync(app, activity, first[0], now.AddDays(-1));
        await ProcessAsync([(first[0], organizationId)]);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.HoursReports.Add(new HoursReport(first[1], organizationId, DateOnly.FromDateTime(now.AddDays(-3).DateTime), 5.5m, "清掃", [], now) { Status = HoursReportStatus.Approved });
            await db.SaveChangesAsync();
        }
        await ProcessAsync([(first[1], organizationId)]);
        var newcomer = await AttendAsync(activity, 1, now.AddDays(-2));
        await using (var scope = app.Scope())
            await new JourneyPersonalData(scope.ServiceProvider.GetRequiredService<AppDbContext>()).EraseAsync(first[2], CancellationToken.None);

        var incremental = await PeopleFiguresAsync();
        var counted = await DbAsync(db => db.DashboardContributions.CountAsync(c => c.MunicipalityCode == Ichikawa));
        Assert.Equal(3, counted); // two of the first three and the newcomer
        Assert.Contains(incremental, f => f == $"{Ichikawa}|{RegionalMeasures.Hours}||{QuarterNumber}|9.5");
        await using (var scope = app.Scope())
            await DashboardPeople.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        Assert.Equal(incremental, await PeopleFiguresAsync());
        Assert.DoesNotContain(await DbAsync(db => db.DashboardContributions.Select(c => c.AccountId).ToListAsync()), id => id == first[2]);
        Assert.Contains(newcomer[0], await DbAsync(db => db.DashboardContributions.Select(c => c.AccountId).ToListAsync()));
    }

    [Fact]
    public async Task A_municipality_shows_participants_from_check_ins_hiding_four_and_showing_five()
    {
        var activity = await OpportunityAsync(app, await OrganizationAsync(), Tateyama);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var browser = app.CreateBrowser();
        await AttendAsync(activity, 4, at);
        var page = await browser.GetStringAsync(new Uri($"/insights/regions/{Tateyama}", UriKind.Relative));
        Assert.Contains("館山市", page, StringComparison.Ordinal);
        Assert.Contains("非公開（5未満）", page, StringComparison.Ordinal);
        var hidden = JsonDocument.Parse(await browser.GetStringAsync(new Uri($"/insights/regions/{Tateyama}?chart=participants&format=json", UriKind.Relative))).RootElement;
        Assert.Equal(JsonValueKind.Null, Row(hidden, ThisQuarter).GetProperty("参加者数").ValueKind);

        await AttendAsync(activity, 1, at);
        var shown = JsonDocument.Parse(await browser.GetStringAsync(new Uri($"/insights/regions/{Tateyama}?chart=participants&format=json", UriKind.Relative))).RootElement;
        Assert.Equal(5, Row(shown, ThisQuarter).GetProperty("参加者数").GetInt32());
        Assert.Equal(5, Row(shown, ThisQuarter).GetProperty("新規参加者数").GetInt32());
        var csv = await browser.GetAsync(new Uri($"/insights/regions/{Tateyama}?chart=hours&format=csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("四半期,", text, StringComparison.Ordinal);
        Assert.Contains($"{ThisQuarter},10,5", text, StringComparison.Ordinal); // 5 people × 2 hours, 5 activities

        // The prefecture counts them too, and a population gives figures per 1,000 residents with its source.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.MunicipalityPopulations.Add(new MunicipalityPopulation(Tateyama, 43_000, new DateOnly(2026, 10, 1), "千葉県毎月常住人口調査", DateTimeOffset.UtcNow, null));
            await db.SaveChangesAsync();
        }
        page = await browser.GetStringAsync(new Uri($"/insights/regions/{Tateyama}", UriKind.Relative));
        Assert.Contains("千葉県毎月常住人口調査", page, StringComparison.Ordinal);
        Assert.Contains("0.12", page, StringComparison.Ordinal); // 5 / 43,000 × 1,000
        var prefecture = await browser.GetStringAsync(new Uri("/insights/regions", UriKind.Relative));
        Assert.Contains($"href=\"/insights/regions/{Tateyama}?", prefecture, StringComparison.Ordinal);
        Assert.Contains("人口が未登録", prefecture, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_figures_are_refreshed_on_demand_and_shown_by_kind()
    {
        await OrganizationAsync();
        await using (var scope = app.Scope())
            Assert.True(await DashboardOrganizationFigures.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTimeOffset.UtcNow) > 0);
        var browser = app.CreateBrowser();
        var chart = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/insights/regions?chart=organizations&format=json", UriKind.Relative))).RootElement;
        Assert.True(Row(chart, "NPO等").GetProperty("登録団体数").GetInt32() >= 1);
        var bad = await browser.GetAsync(new Uri("/insights/regions?chart=nothing&format=json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badFormat = await browser.GetAsync(new Uri("/insights/regions?chart=organizations&format=xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Bad_codes_and_periods_get_messages_and_unknown_municipalities_404()
    {
        var browser = app.CreateBrowser();
        foreach (var code in new[] { "999999", "131016", "abc" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/insights/regions/{code}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/insights/regions/groupings/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/insights/regions/121011", UriKind.Relative))).StatusCode);
        var city = await browser.GetStringAsync(new Uri($"/insights/regions/{ChibaCity}", UriKind.Relative));
        Assert.Contains("/insights/regions/121011?", city, StringComparison.Ordinal);

        var unknown = await browser.GetAsync(new Uri("/insights/regions/compare?codes=999999,131016,<b>", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var text = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("「999999」は千葉県の市区町村コードではありません。", text, StringComparison.Ordinal);
        Assert.Contains("「131016」は", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        var one = await browser.GetStringAsync(new Uri($"/insights/regions/compare?codes={Tateyama}", UriKind.Relative));
        Assert.Contains("比べられるのは2〜10の市区町村です。", one, StringComparison.Ordinal);
        var many = string.Join(',', Eleven);
        Assert.Contains("比べられるのは2〜10の市区町村です。", await browser.GetStringAsync(new Uri($"/insights/regions/compare?codes={many}", UriKind.Relative)), StringComparison.Ordinal);
        var two = await browser.GetStringAsync(new Uri($"/insights/regions/compare?codes={Tateyama}&codes={Ichikawa}", UriKind.Relative));
        Assert.Contains("人口1,000人あたりの比較", two, StringComparison.Ordinal);
        var csv = await browser.GetAsync(new Uri($"/insights/regions/compare?codes={Tateyama},{Ichikawa}&chart=compare-counts&format=csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        var period = await browser.GetAsync(new Uri("/insights/regions?to=2999Q1&quarters=5", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, period.StatusCode);
        Assert.Contains("期間は、", await period.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboards_read_in_English()
    {
        var browser = app.CreateBrowser("en");
        var page = await browser.GetStringAsync(new Uri("/insights/regions", UriKind.Relative));
        Assert.Contains("Regional dashboard", page, StringComparison.Ordinal);
        Assert.Contains("Key figures", page, StringComparison.Ordinal);
        Assert.DoesNotContain("主な数値", page, StringComparison.Ordinal);
        var compare = await browser.GetStringAsync(new Uri("/insights/regions/compare?codes=999999", UriKind.Relative));
        Assert.Contains("is not a municipality code of", compare, StringComparison.Ordinal);
    }
}
