using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class ProfilesTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Input.MunicipalityCode"] = "122041",
        ["Input.Interests"] = "2",
        ["Input.Skills[accounting]"] = "3",
        ["Input.Skills[design]"] = "0",
        ["Input.LifeStage"] = "Retired",
        ["Input.Availability"] = "WeekendDaytime",
        ["Input.HoursPerMonth"] = "12",
        ["Input.PreferredWays"] = "1",
        ["Input.AccessibilityNeeds"] = "Seating",
        ["Input.Languages"] = "vi",
        ["Input.Visibility"] = "Organizations",
    };

    private async Task<(HttpClient Browser, Guid Id)> ResidentAsync(string? culture = null)
    {
        var email = $"resident-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await using var scope = app.Scope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (browser, id);
    }

    private async Task<ResidentProfile?> ProfileAsync(Guid id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == id);
    }

    private async Task SetProfileAsync(Guid id, ProfileVisibility visibility)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = new ResidentProfile(id, DateTimeOffset.UtcNow);
        profile.Update(new ResidentProfileDetails("121011", [13], [new ProfileSkill("web", 2)], LifeStage.Student, Availability.WeekdayEvening, 5, [], AccessibilityFeatures.None, ["ja"], visibility), DateTimeOffset.UtcNow);
        db.ResidentProfiles.Add(profile);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_resident_saves_a_profile_and_sees_it_again()
    {
        var (browser, id) = await ResidentAsync();
        var form = ValidForm();
        var saved = await browser.PostFormAsync("/me/profile", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var profile = await ProfileAsync(id);
        Assert.NotNull(profile);
        Assert.Equal("122041", profile.MunicipalityCode);
        Assert.Equal([2], profile.Interests);
        Assert.Equal([new ProfileSkill("accounting", 3)], profile.Skills);
        Assert.Equal(LifeStage.Retired, profile.LifeStage);
        Assert.Equal(Availability.WeekendDaytime, profile.Availability);
        Assert.Equal(12, profile.HoursPerMonth);
        Assert.Equal([1], profile.PreferredWays);
        Assert.Equal(AccessibilityFeatures.Seating, profile.AccessibilityNeeds);
        Assert.Equal(["vi"], profile.Languages);
        Assert.Equal(ProfileVisibility.Organizations, profile.Visibility);

        var html = await (await browser.GetAsync(new Uri("/me/profile", UriKind.Relative))).HtmlAsync();
        Assert.Contains("プロフィールを保存しました。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"122041\" lang=\"ja\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"3\" selected=\"selected\">3：仕事にしている</option>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);

        // Saving again replaces the skills (the owned rows) rather than adding to them.
        form = ValidForm();
        form["Input.Skills[accounting]"] = "0";
        form["Input.Skills[design]"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/profile", form)).StatusCode);
        Assert.Equal([new ProfileSkill("design", 1)], (await ProfileAsync(id))!.Skills);
    }

    [Fact]
    public async Task A_new_profile_is_private_and_every_field_is_optional()
    {
        var (browser, id) = await ResidentAsync();
        var html = await (await browser.GetAsync(new Uri("/me/profile", UriKind.Relative))).HtmlAsync();
        Assert.Contains("value=\"Private\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("おすすめの活動を選ぶために使います。", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/profile", [])).StatusCode);
        var profile = await ProfileAsync(id);
        Assert.NotNull(profile);
        Assert.Equal(ProfileVisibility.Private, profile.Visibility);
        Assert.Null(profile.MunicipalityCode);
    }

    [Fact]
    public async Task Errors_are_all_shown_with_what_was_typed_and_nothing_is_saved()
    {
        var (browser, id) = await ResidentAsync();
        var form = ValidForm();
        form["Input.HoursPerMonth"] = "800";
        form["Input.MunicipalityCode"] = "131016"; // 千代田区, not in Chiba
        form["Input.Languages"] = "xx";
        form["Input.Skills[accounting]"] = "5";
        form["Input.Visibility"] = "Everyone";
        var response = await browser.PostFormAsync("/me/profile", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("1か月に活動できる時間は0から744の整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("住んでいる市区町村の選択が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("言語の選択が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("スキルのレベルは1から3の中から選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("公開範囲の選択が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"800\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2\" checked=\"checked\"", html, StringComparison.Ordinal); // the interest ticked stays ticked
        Assert.Null(await ProfileAsync(id));

        form = ValidForm();
        form["Input.HoursPerMonth"] = "lots";
        response = await browser.PostFormAsync("/me/profile", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"lots\"", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(id));
    }

    [Fact]
    public async Task The_api_reads_and_replaces_the_callers_profile_with_the_pages_rules()
    {
        var (client, id) = await ResidentAsync("en");
        var empty = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/profile", UriKind.Relative));
        Assert.Equal("Private", empty.GetProperty("visibility").GetString());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("updatedAt").ValueKind);

        var put = await PutAsync(client, """
            {
              "municipalityCode": "121011", "interests": [1, 13], "skills": { "web": 2, "law": 0 }, "lifeStage": "working",
              "availability": ["WeekdayEvening", "WeekendDaytime"], "hoursPerMonth": 744, "preferredWays": [2],
              "accessibilityNeeds": ["Online"], "languages": ["ja", "en"], "visibility": "public"
            }
            """);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/profile", UriKind.Relative));
        Assert.Equal("121011", read.GetProperty("municipalityCode").GetString());
        Assert.Equal(2, read.GetProperty("skills").GetProperty("web").GetInt32());
        Assert.False(read.GetProperty("skills").TryGetProperty("law", out _));
        Assert.Equal("Working", read.GetProperty("lifeStage").GetString());
        Assert.Equal(["WeekdayEvening", "WeekendDaytime"], read.GetProperty("availability").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(744, read.GetProperty("hoursPerMonth").GetInt32());
        Assert.Equal("Public", read.GetProperty("visibility").GetString());

        var bad = await PutAsync(client, """{ "hoursPerMonth": -1, "languages": ["klingon"], "interests": [99] }""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("744", errors.GetProperty("hoursPerMonth")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("languages", out _));
        Assert.True(errors.TryGetProperty("interests", out _));
        Assert.DoesNotMatch("[\u3040-\u30ff]", errors.GetProperty("languages")[0].GetString()!);
        Assert.Equal(744, (await ProfileAsync(id))!.HoursPerMonth); // unchanged

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowser().GetAsync(new Uri("/api/v1/me/profile", UriKind.Relative))).StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string json) =>
        client.PutAsync(new Uri("/api/v1/me/profile", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public enum Viewer { Anonymous, OtherResident, AdminWithMember, AdminWithSignUp, AdminWithCancelledSignUp, AdminUnrelated, Self }

    [Theory]
    [InlineData(ProfileVisibility.Public, "yyyyyyy")]
    [InlineData(ProfileVisibility.Organizations, "nnyynny")]
    [InlineData(ProfileVisibility.Private, "nnnnnny")]
    public async Task A_profile_is_shown_exactly_as_its_visibility_allows(ProfileVisibility visibility, string expected)
    {
        var (self, subject) = await ResidentAsync();
        await SetProfileAsync(subject, visibility);
        var seen = new List<char>();
        foreach (var viewer in Enum.GetValues<Viewer>())
        {
            var client = await ViewerAsync(viewer, subject, self);
            var response = await client.GetAsync(new Uri($"/people/{subject}", UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{viewer}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK) Assert.Contains("ウェブ制作", await response.HtmlAsync(), StringComparison.Ordinal);
            seen.Add(response.StatusCode == HttpStatusCode.OK ? 'y' : 'n');
        }
        Assert.Equal(expected, new string([.. seen]));
    }

    private async Task<HttpClient> ViewerAsync(Viewer viewer, Guid subject, HttpClient self)
    {
        switch (viewer)
        {
            case Viewer.Anonymous: return app.CreateBrowser();
            case Viewer.OtherResident: return await app.SignInAsync(Roles.Resident);
            case Viewer.Self: return self;
        }
        var (browser, organizationId) = await OpportunityData.OrgAdminAsync(app, $"見る会{Guid.NewGuid():N}");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (viewer == Viewer.AdminWithMember)
            db.Memberships.Add(new Membership(organizationId, subject, MembershipRole.Member, DateTimeOffset.UtcNow));
        if (viewer is Viewer.AdminWithSignUp or Viewer.AdminWithCancelledSignUp)
        {
            var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("見る活動", DateTimeOffset.UtcNow.AddDays(3)));
            db.SignUps.Add(new SignUp(opportunityId, organizationId, subject, SignUp.WholeOpportunity, DateTimeOffset.UtcNow)
            {
                Status = viewer == Viewer.AdminWithSignUp ? SignUpStatus.Pending : SignUpStatus.Cancelled,
            });
        }
        await db.SaveChangesAsync();
        return browser;
    }

    [Fact]
    public async Task Staff_see_organization_visible_profiles_audited_but_never_private_ones()
    {
        var (_, shared) = await ResidentAsync();
        await SetProfileAsync(shared, ProfileVisibility.Organizations);
        var (_, hidden) = await ResidentAsync();
        await SetProfileAsync(hidden, ProfileVisibility.Private);
        var (_, unknown) = await ResidentAsync();

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri($"/people/{shared}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri($"/people/{hidden}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri($"/people/{unknown}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri($"/people/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == shared && e.Action == AuditTrail.Actions.ViewPersonalData));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.SubjectId == hidden));
    }

    [Fact]
    public async Task The_profile_is_in_the_export_and_goes_with_the_account()
    {
        var (browser, id) = await ResidentAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/profile", ValidForm())).StatusCode);
        var download = await browser.PostFormAsync("/account/personal-data", [], handler: "Download");
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var profile = json.RootElement.GetProperty("profile");
            Assert.Equal("122041", profile.GetProperty("municipalityCode").GetString());
            Assert.Equal("accounting", profile.GetProperty("skills")[0].GetProperty("skill").GetString());
            Assert.Equal("vi", profile.GetProperty("languages")[0].GetString());
            Assert.Equal("Organizations", profile.GetProperty("visibility").GetString());
        }
        var deleted = await browser.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        Assert.Null(await ProfileAsync(id));
    }

    [Fact]
    public async Task The_hub_links_every_page_of_the_person_and_the_menu_links_the_hub()
    {
        var (browser, id) = await ResidentAsync();
        var html = await (await browser.GetAsync(new Uri("/me", UriKind.Relative))).HtmlAsync();
        foreach (var link in new[] { "/me/profile", "/me/signups", "/me/notifications", "/me/record", "/me/hours", "/account", "/organizations/start" })
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/me\">マイページ</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/me\"", await (await app.CreateBrowser().GetAsync(new Uri("/", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync(new Uri("/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/people/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_pages_render_in_English()
    {
        var (browser, id) = await ResidentAsync();
        await SetProfileAsync(id, ProfileVisibility.Public);
        var hub = await (await browser.GetAsync(new Uri("/me?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<h1>My page</h1>", hub, StringComparison.Ordinal);
        var form = await (await browser.GetAsync(new Uri("/me/profile?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Used to choose activities to recommend to you.", form, StringComparison.Ordinal);
        Assert.Contains("Who can see it", form, StringComparison.Ordinal);
        var person = await (await app.CreateBrowser().GetAsync(new Uri($"/people/{id}?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Web development (level 2)", person, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/regions/121011\" lang=\"ja\">千葉市中央区</a>", person, StringComparison.Ordinal);
    }
}
