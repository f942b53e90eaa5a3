using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Recommendations;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Search;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>Recommendations over HTTP: reasons, distance, accessibility, exclusions, the no-participants lift, the API's rules.</summary>
public sealed class RecommendationsTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Reason(string Code, string[] Keys, string Text);

    private sealed record Item(Guid Id, string Title, string Organization, string MunicipalityCode, DateTimeOffset Next, float Score, Reason[] Reasons);

    private sealed record Page(Item[] Items);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static OpportunityDetails Opportunity(string title, int field, string municipality = OpportunityData.ChuoWard, bool online = false,
        AccessibilityFeatures access = AccessibilityFeatures.None, DateTimeOffset? start = null) =>
        OpportunityData.Details(title, start ?? OpportunityData.NextSaturday(), municipality: municipality, online: online) with
        {
            Fields = [field],
            Ways = [1],
            Accessibility = access,
            Capacity = null,
        };

    /// <summary>A signed-in resident with the profile given (none when null), and their account id.</summary>
    private async Task<(HttpClient Browser, Guid AccountId)> PersonAsync(Action<ResidentProfile>? fill, string? culture = null)
    {
        var email = $"person-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        if (fill is not null)
        {
            var profile = new ResidentProfile(id, DateTimeOffset.UtcNow);
            fill(profile);
            db.ResidentProfiles.Add(profile);
            await db.SaveChangesAsync();
        }
        return (browser, id);
    }

    private async Task<Guid[]> AddAsync(params OpportunityDetails[] details)
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, $"おすすめの会{Guid.NewGuid():N}");
        var ids = new List<Guid>();
        foreach (var d in details) ids.Add(await OpportunityData.AddAsync(app, organizationId, d));
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
        app.Services.GetRequiredService<RecommendationSnapshot>().Invalidate();
        return [.. ids];
    }

    private async Task SignUpAsync(Guid accountId, Guid opportunityId, bool attended = false)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organizationId = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.OrganizationId).SingleAsync();
        db.SignUps.Add(new SignUp(opportunityId, organizationId, accountId, SignUp.WholeOpportunity, DateTimeOffset.UtcNow)
        {
            Status = SignUpStatus.Confirmed,
            CheckedInAt = attended ? DateTimeOffset.UtcNow : null,
        });
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<RecommendationSnapshot>().Invalidate();
    }

    private static async Task<Item[]> RecommendAsync(HttpClient browser, int count = 50)
    {
        var response = await browser.GetAsync(new Uri($"/api/v1/me/recommendations?count={count}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Page>(Json))!.Items;
    }

    private static int Rank(Item[] items, Guid id) => Array.FindIndex(items, i => i.Id == id);

    [Fact]
    public async Task Reasons_say_why_in_japanese_and_english()
    {
        var (match, other) = (await AddAsync(Opportunity("干潟の清掃", 7), Opportunity("遠くの講座", 2, OpportunityData.Funabashi))) is var ids ? (ids[0], ids[1]) : default;
        void Fill(ResidentProfile p)
        {
            p.MunicipalityCode = OpportunityData.ChuoWard;
            p.Interests = [7];
            p.Availability = Availability.WeekendDaytime;
        }
        var (browser, _) = await PersonAsync(Fill);
        var items = await RecommendAsync(browser);
        var item = items.Single(i => i.Id == match);
        Assert.True(Rank(items, match) < Rank(items, other));
        Assert.Contains(item.Reasons, r => r.Code == "interest" && r.Keys.SequenceEqual(["7"]) && r.Text == "関心: 環境");
        Assert.Contains(item.Reasons, r => r.Code == "availability" && r.Text == "週末");
        Assert.Contains(item.Reasons, r => r.Code == "nearby" && r.Text == "近く");
        Assert.Equal("干潟の清掃", item.Title);

        var (english, _) = await PersonAsync(Fill, "en");
        var englishItem = (await RecommendAsync(english)).Single(i => i.Id == match);
        Assert.Contains(englishItem.Reasons, r => r.Code == "interest" && r.Text == "Interest: Environment");
        Assert.Contains(englishItem.Reasons, r => r.Code == "nearby" && r.Text == "Nearby");
    }

    [Fact]
    public async Task Online_opportunities_are_near_everyone()
    {
        var ids = await AddAsync(Opportunity("オンライン翻訳", 11, online: true), Opportunity("銚子の国際交流", 11, "122025"));
        var (browser, _) = await PersonAsync(p => { p.MunicipalityCode = OpportunityData.Funabashi; p.Interests = [11]; });
        var items = await RecommendAsync(browser);
        Assert.True(Rank(items, ids[0]) >= 0 && Rank(items, ids[0]) < Rank(items, ids[1]));
        Assert.Contains(items[Rank(items, ids[0])].Reasons, r => r.Code == "online");
    }

    [Fact]
    public async Task A_missing_accessibility_need_demotes()
    {
        var ids = await AddAsync(Opportunity("手話のない会", 9), Opportunity("手話のある会", 9, access: AccessibilityFeatures.SignLanguage));
        var (browser, _) = await PersonAsync(p => { p.Interests = [9]; p.AccessibilityNeeds = AccessibilityFeatures.SignLanguage; });
        var items = await RecommendAsync(browser);
        Assert.True(Rank(items, ids[1]) < Rank(items, ids[0]) || Rank(items, ids[0]) < 0);
        Assert.Contains(items[Rank(items, ids[1])].Reasons, r => r.Code == "accessibility");
        if (Rank(items, ids[0]) >= 0) Assert.Contains(items[Rank(items, ids[0])].Reasons, r => r.Code == "accessibility-missing");
    }

    [Fact]
    public async Task What_the_person_signed_up_for_is_left_out_and_attendance_counts()
    {
        var ids = await AddAsync(Opportunity("申込済みの会", 18), Opportunity("同じ団体の次の会", 18));
        var (browser, accountId) = await PersonAsync(p => p.Interests = [18]);
        await SignUpAsync(accountId, ids[0], attended: true);
        var items = await RecommendAsync(browser);
        Assert.DoesNotContain(items, i => i.Id == ids[0]);
        var next = items.Single(i => i.Id == ids[1]);
        Assert.Contains(next.Reasons, r => r.Code == "same-organization");
        Assert.Contains(next.Reasons, r => r.Code == "history");
    }

    [Fact]
    public async Task Opportunities_without_participants_are_lifted()
    {
        var ids = await AddAsync(Opportunity("参加者のいる会", 16), Opportunity("参加者のいない会", 16));
        var (_, someone) = await PersonAsync(null);
        await SignUpAsync(someone, ids[0]);
        var (browser, _) = await PersonAsync(p => p.Interests = [16]);
        var items = await RecommendAsync(browser);
        Assert.True(Rank(items, ids[1]) < Rank(items, ids[0]));
        Assert.Contains(items[Rank(items, ids[1])].Reasons, r => r.Code == "first-participant");
        Assert.DoesNotContain(items[Rank(items, ids[0])].Reasons, r => r.Code == "first-participant");
    }

    [Fact]
    public async Task A_new_person_gets_recommendations_from_the_profile_alone_and_without_one()
    {
        var ids = await AddAsync(Opportunity("科学の会", 15));
        var (withProfile, _) = await PersonAsync(p => p.Interests = [15]);
        Assert.Equal(ids[0], (await RecommendAsync(withProfile, 1)).Single().Id);

        var (without, _) = await PersonAsync(null);
        Assert.NotEmpty(await RecommendAsync(without, 5));
        var home = await without.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("あなたへのおすすめ", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/profile\"", home, StringComparison.Ordinal);
        Assert.Contains("おすすめの理由", home, StringComparison.Ordinal);

        var anonymousHome = await app.CreateBrowser().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("あなたへのおすすめ", anonymousHome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task A_bad_count_is_a_localized_400(string count)
    {
        var (browser, _) = await PersonAsync(null);
        var response = await browser.GetAsync(new Uri($"/api/v1/me/recommendations?count={count}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1から50まで", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (english, _) = await PersonAsync(null, "en");
        var englishResponse = await english.GetAsync(new Uri($"/api/v1/me/recommendations?count={count}", UriKind.Relative));
        Assert.Contains("between 1 and 50", await englishResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/api/v1/me/recommendations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
