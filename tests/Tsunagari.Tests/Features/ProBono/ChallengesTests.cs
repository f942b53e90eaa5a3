using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

public sealed class ChallengesTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<Challenge?> FindAsync(Guid id) =>
        ProBonoData.QueryAsync(app, db => db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));

    [Fact]
    public async Task An_organization_admin_submits_a_challenge_and_follows_it()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "課題の会");
        var submitted = await admin.PostFormAsync($"/organizations/{organizationId}/challenges/new", ProBonoData.ChallengeForm());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = Guid.Parse(submitted.Headers.Location!.OriginalString["/probono/challenges/".Length..]);

        var challenge = await FindAsync(id);
        Assert.NotNull(challenge);
        Assert.Equal(organizationId, challenge.OrganizationId);
        Assert.Equal(ChallengeStatus.Submitted, challenge.Status);
        Assert.Equal(DeliverableKind.Website, challenge.Deliverable);
        Assert.Equal([new ChallengeRole("design", 1), new ChallengeRole("marketing", 1), new ChallengeRole("project-management", 1)], challenge.Roles);
        Assert.Equal(new DateOnly(2027, 2, 10), challenge.EndsOn);
        Assert.Equal(WorkMode.Either, challenge.Mode);
        Assert.Equal(13, challenge.Field);

        var list = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/challenges", UriKind.Relative))).HtmlAsync();
        Assert.Contains("子ども食堂の広報を立て直したい", list, StringComparison.Ordinal);
        Assert.Contains("審査待ち", list, StringComparison.Ordinal);
        var page = await (await admin.GetAsync(new Uri($"/probono/challenges/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("地域に知られていません。", page, StringComparison.Ordinal);
        var organizationPage = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"href=\"/organizations/{organizationId}/challenges\"", organizationPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Roles[no-such-skill]", "1", "「no-such-skill」というスキルはありません。")]
    [InlineData("Input.Roles[design]", "-1", "役割の人数は1から5までの整数で入力してください。")]
    [InlineData("Input.EndsOn", "2027-01-01", "終了日は開始日より後の日付にしてください。")]
    [InlineData("Input.HoursPerWeek", "-3", "1週間あたりの時間は1から40までの整数で入力してください。")]
    [InlineData("Input.Deliverable", "Spaceship", "成果物の種類を選んでください。")]
    [InlineData("Input.MunicipalityCode", "999999", "市区町村を一覧から選んでください。")]
    [InlineData("Input.Title", "", "タイトルを入力してください。")]
    public async Task Bad_input_is_shown_and_nothing_is_saved(string field, string value, string message)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "誤入力の会");
        var form = ProBonoData.ChallengeForm("誤入力の課題");
        form[field] = value;
        var response = await admin.PostFormAsync($"/organizations/{organizationId}/challenges/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("地域に知られていません。", html, StringComparison.Ordinal); // what was typed is kept
        Assert.False(await ProBonoData.QueryAsync(app, db => db.Challenges.AnyAsync(c => c.OrganizationId == organizationId)));
    }

    [Fact]
    public async Task No_roles_at_all_is_refused_in_English_too()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "役割なしの会", culture: "en");
        var form = ProBonoData.ChallengeForm();
        foreach (var key in form.Keys.Where(k => k.StartsWith("Input.Roles", StringComparison.Ordinal)).ToList()) form[key] = "0";
        var html = await (await admin.PostFormAsync($"/organizations/{organizationId}/challenges/new", form)).HtmlAsync();
        Assert.Contains("Choose at least one role the team needs.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organizations_admins_submit_and_see_its_challenges()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "守られた会");
        var id = await ProBonoData.ChallengeAsync(app, organizationId, ChallengeStatus.Submitted);
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        var resident = await app.SignInAsync(Roles.Resident);
        foreach (var browser in new[] { other, resident })
        {
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri($"/organizations/{organizationId}/challenges/new", UriKind.Relative)));
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri($"/organizations/{organizationId}/challenges", UriKind.Relative)));
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/probono/challenges/{id}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/probono/challenges/{id}/edit", UriKind.Relative))).StatusCode);
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri("/probono/review", UriKind.Relative)));
        }
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri($"/probono/challenges/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_asks_for_changes_the_organization_resubmits_and_the_coordinator_accepts()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "修正の会");
        var id = await ProBonoData.ChallengeAsync(app, organizationId, ChallengeStatus.Submitted);
        var coordinator = await app.SignInAsync(Roles.Coordinator);

        var noNote = await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["note"] = "" }, "RequestChanges");
        Assert.Contains("修正してほしい内容を入力してください。", await noNote.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ChallengeStatus.Submitted, (await FindAsync(id))!.Status);

        var asked = await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["note"] = "目標を数字で書いてください。" }, "RequestChanges");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(ChallengeStatus.ChangesRequested, (await FindAsync(id))!.Status);
        var page = await (await admin.GetAsync(new Uri($"/probono/challenges/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("目標を数字で書いてください。", page, StringComparison.Ordinal);
        Assert.Contains("修正の依頼あり", page, StringComparison.Ordinal);

        var form = ProBonoData.ChallengeForm("会計の仕組みづくり（修正版）");
        form["Input.Goal"] = "3か月で利用者を40人にする。";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/probono/challenges/{id}/edit", form)).StatusCode);
        var resubmitted = await FindAsync(id);
        Assert.Equal(ChallengeStatus.Resubmitted, resubmitted!.Status);
        Assert.Equal("3か月で利用者を40人にする。", resubmitted.Goal);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["note"] = "" }, "Accept")).StatusCode);
        var accepted = await FindAsync(id);
        Assert.Equal(ChallengeStatus.Accepted, accepted!.Status);
        Assert.NotNull(accepted.ReviewedBy);
        var kinds = await ProBonoData.QueryAsync(app, db => db.Notifications.AsNoTracking().Where(n => n.Subject.StartsWith("会計の仕組みづくり")).Select(n => n.Kind).ToListAsync());
        Assert.Contains(NotificationKind.ProBonoChangesRequested, kinds);
        Assert.Contains(NotificationKind.ProBonoChallengeAccepted, kinds);

        // Accepted: no more editing, and no second review.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync(new Uri($"/probono/challenges/{id}/edit", UriKind.Relative))).StatusCode);
        var again = await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["note"] = "やはり見送り" }, "Decline");
        Assert.Contains("この課題はすでに審査が終わっています。", await again.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_the_organization_sees_it()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "見送りの会");
        var id = await ProBonoData.ChallengeAsync(app, organizationId, ChallengeStatus.Submitted);
        var coordinator = await app.SignInAsync(Roles.PrefectureAdmin);
        var noReason = await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString() }, "Decline");
        Assert.Contains("見送りの理由を入力してください。", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["note"] = "営利目的のため" }, "Decline")).StatusCode);
        Assert.Equal(ChallengeStatus.Declined, (await FindAsync(id))!.Status);
        var page = await (await admin.GetAsync(new Uri($"/probono/challenges/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("営利目的のため", page, StringComparison.Ordinal);
        Assert.Contains("見送りの理由", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_challenge_goes_into_an_open_round_from_the_review_page()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "回に入る会");
        var id = await ProBonoData.ChallengeAsync(app, organizationId);
        var submitted = await ProBonoData.ChallengeAsync(app, organizationId, ChallengeStatus.Submitted);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var created = await coordinator.PostFormAsync("/probono/rounds", new() { ["Name"] = "2027年1月の回", ["MinSize"] = "3", ["MaxSize"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundId = Guid.Parse(created.Headers.Location!.OriginalString["/probono/rounds/".Length..]);

        var notAccepted = await coordinator.PostFormAsync("/probono/review", new() { ["id"] = submitted.ToString(), ["roundId"] = roundId.ToString() }, "AddToRound");
        Assert.Contains("受理した課題だけをマッチングの回に加えられます。", await notAccepted.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/probono/review", new() { ["id"] = id.ToString(), ["roundId"] = roundId.ToString() }, "AddToRound")).StatusCode);
        var challenge = await FindAsync(id);
        Assert.Equal(ChallengeStatus.InRound, challenge!.Status);
        Assert.Equal(roundId, challenge.RoundId);
    }

    [Fact]
    public async Task A_round_needs_a_name_and_sizes_that_make_sense()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var html = await (await coordinator.PostFormAsync("/probono/rounds", new() { ["Name"] = "", ["MinSize"] = "5", ["MaxSize"] = "3" })).HtmlAsync();
        Assert.Contains("回の名前を200文字以内で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("チームの最大人数は最少人数以上にしてください。", html, StringComparison.Ordinal);
        ProBonoData.AssertRefused(await (await app.SignInAsync(Roles.Resident)).GetAsync(new Uri("/probono/rounds", UriKind.Relative)));
    }
}
