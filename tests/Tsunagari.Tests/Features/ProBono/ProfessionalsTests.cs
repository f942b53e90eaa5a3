using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

public sealed class ProfessionalsTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Input.Skills[web]"] = "3",
        ["Input.Skills[design]"] = "2",
        ["Input.Skills[law]"] = "0",
        ["Input.YearsOfExperience"] = "12",
        ["Input.HoursPerWeek"] = "6",
        ["Input.AvailableFrom"] = "2027-01-01",
        ["Input.AvailableTo"] = "2027-06-30",
        ["Input.PreferredFields"] = "13",
        ["Input.PreferredMunicipalities"] = "121011",
        ["Input.AcceptsOnline"] = "true",
    };

    private async Task<(HttpClient Browser, Guid Id)> ResidentAsync(string? culture = null)
    {
        var email = $"resident-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var id = await ProBonoData.QueryAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (browser, id);
    }

    private Task<ProBonoProfile?> ProfileAsync(Guid id) =>
        ProBonoData.QueryAsync(app, db => db.ProBonoProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == id));

    [Fact]
    public async Task A_resident_opts_in_edits_and_the_me_page_links_it()
    {
        var (browser, id) = await ResidentAsync();
        Assert.Contains("href=\"/me/probono\"", await (await browser.GetAsync(new Uri("/me", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        var html = await (await browser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync();
        Assert.Contains("チームを編成するため", html, StringComparison.Ordinal); // the purpose is on the form

        var form = ValidForm();
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "勤め先の会");
        form["Input.Conflicts"] = organizationId.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/probono", form)).StatusCode);
        var profile = await ProfileAsync(id);
        Assert.NotNull(profile);
        Assert.True(profile.Active);
        Assert.Equal([new ProBonoSkill("design", 2), new ProBonoSkill("web", 3)], profile.Skills);
        Assert.Equal(12, profile.YearsOfExperience);
        Assert.Equal(6, profile.HoursPerWeek);
        Assert.Equal(new DateOnly(2027, 6, 30), profile.AvailableTo);
        Assert.Equal([13], profile.PreferredFields);
        Assert.Equal(["121011"], profile.PreferredMunicipalities);
        Assert.True(profile.AcceptsOnline);
        Assert.False(profile.AcceptsInPerson);
        Assert.Equal([organizationId], profile.Conflicts);

        // The conflict search finds organizations by name.
        var search = await (await browser.GetAsync(new Uri("/me/probono?q=勤め先", UriKind.Relative))).HtmlAsync();
        Assert.Contains("勤め先の会", search, StringComparison.Ordinal);

        form["Input.HoursPerWeek"] = "2";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/probono", form)).StatusCode);
        Assert.Equal(2, (await ProfileAsync(id))!.HoursPerWeek);
    }

    [Fact]
    public async Task The_form_starts_from_the_resident_profile_skills()
    {
        var (browser, id) = await ResidentAsync();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var resident = new ResidentProfile(id, DateTimeOffset.UtcNow);
            resident.Update(new ResidentProfileDetails("122041", [2], [new ProfileSkill("accounting", 3)], null, Availability.None, null, [], AccessibilityFeatures.None, [], ProfileVisibility.Private), DateTimeOffset.UtcNow);
            db.ResidentProfiles.Add(resident);
            await db.SaveChangesAsync();
        }
        var html = await (await browser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync();
        Assert.Matches("<select id=\"skill-accounting\"[^>]*>\\s*<option value=\"0\">[^<]*</option>\\s*<option value=\"1\">[^<]*</option>\\s*<option value=\"2\">[^<]*</option>\\s*<option value=\"3\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"122041\" lang=\"ja\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(id)); // nothing saved until the person saves
    }

    [Theory]
    [InlineData("Input.HoursPerWeek", "-1", "1週間に使える時間は1から40までの整数で入力してください。")]
    [InlineData("Input.AvailableTo", "2026-12-01", "終了日は開始日より後の日付にしてください。")]
    [InlineData("Input.Skills[web]", "7", "スキルのレベルは1から3で選んでください。")]
    [InlineData("Input.Skills[no-such]", "2", "「no-such」というスキルはありません。")]
    [InlineData("Input.YearsOfExperience", "-5", "経験年数は0から70までの整数で入力してください。")]
    [InlineData("Input.Conflicts", "00000000-0000-0000-0000-000000000001", "団体を一覧から選んでください。")]
    [InlineData("Input.AcceptsOnline", "false", "オンラインと対面のどちらか（または両方）を選んでください。")]
    public async Task Bad_input_is_shown_and_nothing_is_saved(string field, string value, string message)
    {
        var (browser, id) = await ResidentAsync();
        var form = ValidForm();
        form[field] = value;
        var response = await browser.PostFormAsync("/me/probono", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(id));
    }

    [Fact]
    public async Task Without_skills_the_message_is_in_English_for_an_English_reader()
    {
        var (browser, id) = await ResidentAsync("en");
        var form = ValidForm();
        form["Input.Skills[web]"] = "0";
        form["Input.Skills[design]"] = "0";
        var html = await (await browser.PostFormAsync("/me/probono", form)).HtmlAsync();
        Assert.Contains("Choose at least one skill to offer for pro bono.", html, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(id));
    }

    [Fact]
    public async Task Opting_out_keeps_the_profile_inactive_or_deletes_it_as_the_person_chooses()
    {
        var (browser, id) = await ResidentAsync();
        await browser.PostFormAsync("/me/probono", ValidForm());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/probono", new() { ["delete"] = "false" }, "OptOut")).StatusCode);
        var kept = await ProfileAsync(id);
        Assert.NotNull(kept);
        Assert.False(kept.Active);
        Assert.Contains("休止中です。", await (await browser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        // Saving again resumes.
        await browser.PostFormAsync("/me/probono", ValidForm());
        Assert.True((await ProfileAsync(id))!.Active);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/probono", new() { ["delete"] = "true" }, "OptOut")).StatusCode);
        Assert.Null(await ProfileAsync(id));
    }

    [Fact]
    public async Task The_profile_and_proposals_are_in_the_export_and_go_with_the_account()
    {
        var (browser, id) = await ResidentAsync();
        await browser.PostFormAsync("/me/probono", ValidForm());
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "輸出の会");
        var challengeId = await ProBonoData.ChallengeAsync(app, organizationId, details: ProBonoData.Details("輸出の課題"));
        var roundId = await ProBonoData.RoundAsync(app, challengeId);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = new RoundAssignment(roundId, challengeId, id, "design", 4, false, DateTimeOffset.UtcNow);
            row.Send(DateTimeOffset.UtcNow);
            row.Decline("都合がつかない", DateTimeOffset.UtcNow);
            db.RoundAssignments.Add(row);
            await db.SaveChangesAsync();
        }
        var download = await browser.PostFormAsync("/account/personal-data", [], handler: "Download");
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var probono = json.RootElement.GetProperty("probono");
            Assert.Equal("web", probono.GetProperty("profile").GetProperty("skills")[1].GetProperty("skill").GetString());
            Assert.Equal(6, probono.GetProperty("profile").GetProperty("hoursPerWeek").GetInt32());
            Assert.Equal("輸出の課題", probono.GetProperty("proposals")[0].GetProperty("challenge").GetString());
            Assert.Equal("都合がつかない", probono.GetProperty("proposals")[0].GetProperty("declineReason").GetString());
        }
        var deleted = await browser.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        Assert.Null(await ProfileAsync(id));
        Assert.False(await ProBonoData.QueryAsync(app, db => db.RoundAssignments.AnyAsync(a => a.AccountId == id)));
    }
}
