using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;
using static Tsunagari.Tests.Features.Engagement.JourneyData;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>
/// A known data set: six people take part with an NPO in 中央区 (three of them three times, one of them a member), two
/// of those also with a company in 船橋市.
/// </summary>
public sealed class IndicatorsTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private sealed record World(HttpClient Admin, Guid Npo, Guid Company);

    /// <summary>xUnit makes a test class per test; the data set is made once per app (per database).</summary>
    private static readonly ConditionalWeakTable<JourneyApp, World> Worlds = [];

    private async Task<World> WorldAsync()
    {
        if (Worlds.TryGetValue(app, out var world)) return world;
        var (admin, npo) = await OpportunityData.OrgAdminAsync(app, "指標のNPO");
        Guid company;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var founder = await PersonAsync(app, "company");
            var organization = new Organization(OpportunityData.Profile("指標の会社") with { Kind = OrganizationKind.Company, LegalForm = LegalForm.StockCompany }, founder, DateTimeOffset.UtcNow);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            company = organization.Id;
        }
        var npoActivity = await OpportunityAsync(app, npo, OpportunityData.ChuoWard);
        var companyActivity = await OpportunityAsync(app, company, OpportunityData.Funabashi);
        var now = DateTimeOffset.UtcNow;
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++) people.Add(await PersonAsync(app, $"p{i}"));
        for (var i = 0; i < 3; i++) await AttendAsync(app, npoActivity, people[i], now.AddDays(-100), now.AddDays(-50), now.AddDays(-10));
        for (var i = 3; i < 6; i++) await AttendAsync(app, npoActivity, people[i], now.AddDays(-20));
        for (var i = 0; i < 2; i++) await AttendAsync(app, companyActivity, people[i], now.AddDays(-30));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Memberships.Add(new Membership(npo, people[2], MembershipRole.Member, now.AddDays(-5)));
            await db.SaveChangesAsync();
        }
        await UpdateAllAsync(app, now);
        world = new World(admin, npo, company);
        Worlds.Add(app, world);
        return world;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("indicators");
    }

    [Fact]
    public async Task The_organizations_admin_sees_the_exact_figures()
    {
        var w = await WorldAsync();
        var i = await JsonAsync(w.Admin, $"/organizations/{w.Npo}/indicators?format=json");
        Assert.Equal(6, i.GetProperty("participants").GetInt32());
        Assert.Equal(6, i.GetProperty("newcomersPerQuarter").EnumerateArray().Sum(q => q.GetProperty("count").GetInt32()));
        Assert.Equal(1, i.GetProperty("municipalitiesReached").GetInt32());
        Assert.Equal(3, i.GetProperty("repeaters").GetInt32());
        Assert.Equal(0.5, i.GetProperty("repeatRate").GetDouble());
        Assert.Equal(45.0, i.GetProperty("medianTenureDays").GetDouble()); // [0, 0, 0, 90, 90, 90]
        Assert.Equal(1, i.GetProperty("coPlanning").GetInt32());
        Assert.Equal(0.1667, i.GetProperty("coPlanningShare").GetDouble());
        Assert.Equal(0, i.GetProperty("rooted").GetInt32());
        Assert.Equal(1, i.GetProperty("connectedOrganizations").GetInt32());
        Assert.Equal(1, i.GetProperty("crossSectorTies").GetInt32());
        Assert.False(i.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task The_public_sees_the_figures_with_small_counts_suppressed()
    {
        var w = await WorldAsync();
        var anonymous = app.CreateBrowser();
        var i = await JsonAsync(anonymous, $"/organizations/{w.Npo}/indicators?format=json");
        Assert.Equal(6, i.GetProperty("participants").GetInt32());
        Assert.Equal(JsonValueKind.Null, i.GetProperty("repeaters").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("repeatRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("coPlanning").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("connectedOrganizations").ValueKind);
        Assert.Equal(0, i.GetProperty("rooted").GetInt32());
        Assert.True(i.GetProperty("suppressed").GetBoolean());

        var page = await (await anonymous.GetAsync(new Uri($"/organizations/{w.Npo}/indicators", UriKind.Relative))).HtmlAsync();
        Assert.Contains("5未満", page, StringComparison.Ordinal);
        Assert.Contains("<caption>四半期ごとの新しく参加した人</caption>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_counts_each_person_once_and_suppresses_small_counts()
    {
        await WorldAsync();
        var anonymous = app.CreateBrowser();
        var ward = await JsonAsync(anonymous, $"/regions/{OpportunityData.ChuoWard}/indicators?format=json");
        Assert.Equal(6, ward.GetProperty("participants").GetInt32());
        Assert.Equal(JsonValueKind.Null, ward.GetProperty("organizations").ValueKind); // one organization: suppressed
        Assert.Equal(0, ward.GetProperty("crossSectorTies").GetInt32());
        // The designated city includes its wards.
        Assert.Equal(6, (await JsonAsync(anonymous, "/regions/121002/indicators?format=json")).GetProperty("participants").GetInt32());
        var funabashi = await JsonAsync(anonymous, $"/regions/{OpportunityData.Funabashi}/indicators?format=json");
        Assert.Equal(JsonValueKind.Null, funabashi.GetProperty("participants").ValueKind);

        var page = await anonymous.GetAsync(new Uri($"/regions/{OpportunityData.ChuoWard}/indicators", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/regions/999999/indicators", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Cross_sector_ties_in_a_municipality_count_pairs_of_organizations_of_different_kinds()
    {
        var w = await WorldAsync();
        await using var scope = app.Scope();
        var compute = scope.ServiceProvider.GetRequiredService<ComputeIndicators>();
        var period = IndicatorPeriod.LastTwelveMonths(DateTimeOffset.UtcNow);
        // Both organizations' journeys, placed in the two municipalities: the two people shared make one tie.
        var both = await compute.ForMunicipalitiesAsync([OpportunityData.ChuoWard, OpportunityData.Funabashi], period, CancellationToken.None);
        Assert.Equal(6, both.Participants);
        Assert.Equal(2, both.Organizations);
        Assert.Equal(2, both.ConnectedOrganizations);
        Assert.Equal(1, both.CrossSectorTies);
        var exact = await compute.ForOrganizationAsync(w.Company, OrganizationKind.Company, period, CancellationToken.None);
        Assert.Equal(2, exact.Participants);
        Assert.Equal(1, exact.CrossSectorTies);
    }

    [Fact]
    public async Task A_bad_period_is_explained_not_a_failure()
    {
        var w = await WorldAsync();
        var anonymous = app.CreateBrowser();
        var page = await anonymous.GetAsync(new Uri($"/organizations/{w.Npo}/indicators?from=2026-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("期間は", await page.HtmlAsync(), StringComparison.Ordinal);
        var json = await anonymous.GetAsync(new Uri($"/regions/{OpportunityData.ChuoWard}/indicators?from=2026-05-01&to=2026-01-01&format=json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task Stored_figures_are_read_until_a_journey_they_rest_on_changes()
    {
        const string matsudo = "122076";
        var (admin, npo) = await OpportunityData.OrgAdminAsync(app, "記録された指標のNPO");
        var activity = await OpportunityAsync(app, npo, matsudo);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++) await AttendAsync(app, activity, await PersonAsync(app, $"s{i}"), now.AddDays(-3));
        await ProcessChangesAsync();
        var url = $"/organizations/{npo}/indicators?format=json";
        Assert.Equal(5, (await JsonAsync(admin, url)).GetProperty("participants").GetInt32());
        var scope = IndicatorSnapshots.Organization(npo);
        var cityVersion = await VersionAsync(IndicatorSnapshots.Municipality(matsudo));
        Assert.True(cityVersion > 0);

        // The page reads the stored figures (changed here by hand to tell them apart) while nothing changes…
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.IndicatorSnapshots.SingleAsync(x => x.Scope == scope);
            stored.Figures = stored.Figures.Replace("\"Participants\":5", "\"Participants\":99", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }
        Assert.Equal(99, (await JsonAsync(admin, url)).GetProperty("participants").GetInt32());

        // …and computes them again once a journey of the organization (and of its municipality) has changed.
        await AttendAsync(app, activity, await PersonAsync(app, "s5"), now.AddDays(-2));
        await ProcessChangesAsync();
        Assert.Equal(6, (await JsonAsync(admin, url)).GetProperty("participants").GetInt32());
        Assert.True(await VersionAsync(IndicatorSnapshots.Municipality(matsudo)) > cityVersion);
    }

    private async Task ProcessChangesAsync()
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<ProcessJourneyChanges>().RunAsync();
    }

    private async Task<long> VersionAsync(string scope)
    {
        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.IndicatorVersions.Where(v => v.Scope == scope).Select(v => v.Version).SingleOrDefaultAsync();
    }
}
