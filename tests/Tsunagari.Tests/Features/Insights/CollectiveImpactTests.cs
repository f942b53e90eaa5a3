using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Insights.CollectiveImpact;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.Search;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>
/// The app without the background reminder loop: it runs on the real clock and would remind partners for last month
/// while a test runs the reminders with its own clock.
/// </summary>
public sealed class CollectiveImpactApp : TestApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Notifications:PollInterval"] = "00:00:00";
    }
}

/// <summary>
/// Collective impact through its pages: a backbone admin creates an initiative, adds partners from two sectors and a
/// shared indicator; partners' admins submit for their own organization only; the dashboard sums them and counts a
/// person active with two partners once; reminders go once to the admins of partners who have not submitted.
/// </summary>
public sealed class CollectiveImpactTests(CollectiveImpactApp app) : IClassFixture<CollectiveImpactApp>
{
    private static DateOnly Today => JapanTime.Date(DateTimeOffset.UtcNow);

    /// <summary>Last month: always still open for submissions (it closes 45 days after its end).</summary>
    private static CollectivePeriod LastMonth => CollectivePeriod.Of(ReportingCadence.Monthly, Today.AddMonths(-1));

    private static string Day(DateOnly d) => CollectiveInput.Day(d);

    private sealed record Org(HttpClient Browser, Guid Id, Guid AdminId);

    private async Task<Org> OrgAsync(string name, OrganizationKind kind, string? culture = null)
    {
        var email = $"ci-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return await QueryAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Email == email);
            var organization = new Organization(OpportunityData.Profile(name) with { Kind = kind }, account.Id, DateTimeOffset.UtcNow);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return new Org(browser, organization.Id, account.Id);
        });
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Creates an initiative through the page (monthly, from last month) and returns its id.</summary>
    private static async Task<Guid> CreateAsync(Org backbone, string title = "子どもの居場所ネットワーク")
    {
        var response = await backbone.Browser.PostFormAsync(CollectiveUrls.New, new()
        {
            ["Input.BackboneOrganizationId"] = backbone.Id.ToString(),
            ["Input.Title"] = title,
            ["Input.Problem"] = "放課後に安心して過ごせる場所がない",
            ["Input.Goal"] = "どの子も居場所につながる",
            ["Input.TheoryOfChange"] = "",
            ["Input.StartsOn"] = Day(LastMonth.Start),
            ["Input.EndsOn"] = "",
            ["Input.Cadence"] = nameof(ReportingCadence.Monthly),
            ["Input.CommunicationIntervalDays"] = "30",
            ["Input.Municipalities"] = "121002",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit", location, StringComparison.Ordinal);
        return Guid.Parse(location.Split('/')[3]);
    }

    private static async Task AddPartnerAsync(Org backbone, Guid id, Guid organizationId, string role = "見守り")
    {
        var response = await backbone.Browser.PostFormAsync(CollectiveUrls.Edit(id), new() { ["PartnerOrganizationId"] = organizationId.ToString(), ["PartnerRole"] = role, ["PartnerJoinedOn"] = Day(LastMonth.Start) }, "AddPartner");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<Guid> AddIndicatorAsync(Org backbone, Guid id, string name)
    {
        var response = await backbone.Browser.PostFormAsync(CollectiveUrls.Edit(id),
            new() { ["IndicatorName"] = name, ["IndicatorUnit"] = "人", ["IndicatorDefinition"] = "", ["IndicatorDirection"] = "Increase" }, "AddIndicator");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await QueryAsync(db => db.CollectiveIndicators.Where(i => i.InitiativeId == id)
            .Join(db.Indicators, c => c.IndicatorId, i => i.Id, (c, i) => i).Where(i => i.Name == name).Select(i => i.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> SubmitAsync(Org admin, Guid id, Guid organizationId, Guid indicatorId, string value, CollectivePeriod? period = null) =>
        admin.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new()
        {
            ["OrganizationId"] = organizationId.ToString(),
            ["Period"] = Day((period ?? LastMonth).Start),
            [$"Values[{indicatorId}]"] = value,
            [$"Notes[{indicatorId}]"] = "名簿から",
        }, "Submit");

    private async Task<(Org Backbone, Org Association, Org Company, Guid Id, Guid Indicator)> InitiativeAsync()
    {
        var backbone = await OrgAsync("背骨NPO", OrganizationKind.Npo);
        var association = await OrgAsync("本町自治会", OrganizationKind.NeighbourhoodAssociation);
        var company = await OrgAsync("株式会社つながり", OrganizationKind.Company);
        var id = await CreateAsync(backbone);
        await AddPartnerAsync(backbone, id, association.Id);
        await AddPartnerAsync(backbone, id, company.Id, "食材の寄付");
        var indicator = await AddIndicatorAsync(backbone, id, "居場所を利用した子どもの数");
        return (backbone, association, company, id, indicator);
    }

    [Fact]
    public async Task Partners_from_two_sectors_submit_and_the_dashboard_sums_their_values()
    {
        var (backbone, association, company, id, indicator) = await InitiativeAsync();
        var edit = await (await backbone.Browser.GetAsync(CollectiveUrls.Edit(id))).HtmlAsync();
        Assert.Contains("セクター横断（2セクター）", edit, StringComparison.Ordinal);
        // The shared indicator is issue 7's indicator, in the backbone's logic model.
        Assert.True(await QueryAsync(db => db.Indicators.AnyAsync(i => i.Id == indicator && db.LogicModels.Any(m => m.Id == i.LogicModelId && m.OrganizationId == backbone.Id))));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(association, id, association.Id, indicator, "10")).StatusCode);
        var status = await (await backbone.Browser.GetAsync(CollectiveUrls.Submissions(id))).HtmlAsync();
        Assert.Contains("提出済み", status, StringComparison.Ordinal);
        Assert.Contains("未提出", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(company, id, company.Id, indicator, "7")).StatusCode);

        var csv = await (await backbone.Browser.GetAsync($"{CollectiveUrls.Dashboard(id)}?chart=partners-{indicator:N}&format=csv")).Content.ReadAsStringAsync();
        var row = csv.Split("\r\n").Single(l => l.StartsWith(CollectiveText.Label(LastMonth), StringComparison.Ordinal));
        Assert.Contains(",10,", row + ",", StringComparison.Ordinal);
        Assert.Contains(",7,", row + ",", StringComparison.Ordinal);
        var json = await (await app.CreateBrowser().GetAsync($"{CollectiveUrls.Overview(id)}?chart=indicator-{indicator:N}&format=json")).Content.ReadAsStringAsync();
        Assert.Contains(":17", json, StringComparison.Ordinal);

        // A correction before the period closes edits the value in place and counts it.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(association, id, association.Id, indicator, "12")).StatusCode);
        var saved = await QueryAsync(db => db.CollectiveSubmissions.SingleAsync(s => s.InitiativeId == id && s.OrganizationId == association.Id));
        Assert.Equal((12m, 1), (saved.Value, saved.Corrections));
        json = await (await app.CreateBrowser().GetAsync($"{CollectiveUrls.Overview(id)}?chart=indicator-{indicator:N}&format=json")).Content.ReadAsStringAsync();
        Assert.Contains(":19", json, StringComparison.Ordinal);

        // Activities by partner and the log show on their pages.
        Assert.Equal(HttpStatusCode.Redirect, (await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new()
        {
            ["ActivityOrganizationId"] = company.Id.ToString(),
            ["ActivityTitle"] = "食材の寄付",
            ["ActivityDescription"] = "毎月",
            ["ActivityIndicators"] = indicator.ToString(),
            ["ActivityStatus"] = "Ongoing",
        }, "AddActivity")).StatusCode);
        Assert.Contains("食材の寄付", await (await app.CreateBrowser().GetAsync(CollectiveUrls.Overview(id))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await backbone.Browser.PostFormAsync(CollectiveUrls.Log(id), new()
        {
            ["Date"] = Day(Today.AddDays(-40)),
            ["Kind"] = "Meeting",
            ["Summary"] = "第1回の連絡会",
            ["Partners"] = company.Id.ToString(),
        })).StatusCode);
        var log = await (await company.Browser.GetAsync(CollectiveUrls.Log(id))).HtmlAsync();
        Assert.Contains("第1回の連絡会", log, StringComparison.Ordinal);
        Assert.Contains("最後の記録から取り決めた間隔（30日）を超えています", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activities_move_on_or_are_deleted_by_their_partner_and_log_entries_by_the_backbone_once_confirmed()
    {
        var (backbone, association, company, id, _) = await InitiativeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new()
        {
            ["ActivityOrganizationId"] = company.Id.ToString(),
            ["ActivityTitle"] = "食材の寄付",
            ["ActivityDescription"] = "",
            ["ActivityStatus"] = "Planned",
        }, "AddActivity")).StatusCode);
        var activity = await QueryAsync(db => db.CollectiveActivities.SingleAsync(a => a.InitiativeId == id));
        var page = await (await company.Browser.GetAsync(CollectiveUrls.Submissions(id))).HtmlAsync();
        Assert.Contains("「食材の寄付」を削除します", page, StringComparison.Ordinal);

        // Another partner's admin neither sees it among theirs nor changes it; a status that is not one is refused.
        Assert.DoesNotContain("「食材の寄付」を削除します", await (await association.Browser.GetAsync(CollectiveUrls.Submissions(id))).HtmlAsync(), StringComparison.Ordinal);
        var foreign = await association.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new() { ["ActivityId"] = activity.Id.ToString(), ["ActivityStatus"] = "Done" }, "ChangeActivity");
        Assert.Contains("活動を一覧から選んでください。", await foreign.HtmlAsync(), StringComparison.Ordinal);
        var wrong = await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new() { ["ActivityId"] = activity.Id.ToString(), ["ActivityStatus"] = "Forgotten" }, "ChangeActivity");
        Assert.Contains("活動の状態を選んでください。", await wrong.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(CollectiveActivityStatus.Planned, (await QueryAsync(db => db.CollectiveActivities.SingleAsync(a => a.Id == activity.Id))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new() { ["ActivityId"] = activity.Id.ToString(), ["ActivityStatus"] = "Done" }, "ChangeActivity")).StatusCode);
        Assert.Equal(CollectiveActivityStatus.Done, (await QueryAsync(db => db.CollectiveActivities.SingleAsync(a => a.Id == activity.Id))).Status);

        var unconfirmed = await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new() { ["ActivityId"] = activity.Id.ToString() }, "RemoveActivity");
        Assert.Contains("活動を削除するには、確認の欄にチェックを入れてください。", await unconfirmed.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await QueryAsync(db => db.CollectiveActivities.AnyAsync(a => a.Id == activity.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await company.Browser.PostFormAsync(CollectiveUrls.Submissions(id), new() { ["ActivityId"] = activity.Id.ToString(), ["ConfirmRemove"] = "true" }, "RemoveActivity")).StatusCode);
        Assert.False(await QueryAsync(db => db.CollectiveActivities.AnyAsync(a => a.Id == activity.Id)));

        // The log: the backbone's admins delete an entry once confirmed; a partner may not.
        Assert.Equal(HttpStatusCode.Redirect, (await backbone.Browser.PostFormAsync(CollectiveUrls.Log(id), new()
        {
            ["Date"] = Day(Today),
            ["Kind"] = "Meeting",
            ["Summary"] = "日付を間違えた記録",
        })).StatusCode);
        var entry = await QueryAsync(db => db.CollectiveLogEntries.SingleAsync(e => e.InitiativeId == id));
        Denied(await company.Browser.PostFormAsync(CollectiveUrls.Log(id), new() { ["EntryId"] = entry.Id.ToString(), ["ConfirmRemove"] = "true" }, "Remove"));
        var ask = await backbone.Browser.PostFormAsync(CollectiveUrls.Log(id), new() { ["EntryId"] = entry.Id.ToString() }, "Remove");
        Assert.Contains("記録を削除するには、確認の欄にチェックを入れてください。", await ask.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await backbone.Browser.PostFormAsync(CollectiveUrls.Log(id), new() { ["EntryId"] = entry.Id.ToString(), ["ConfirmRemove"] = "true" }, "Remove")).StatusCode);
        Assert.False(await QueryAsync(db => db.CollectiveLogEntries.AnyAsync(e => e.Id == entry.Id)));
        Assert.Contains("まだ記録がありません。", await (await backbone.Browser.GetAsync(CollectiveUrls.Log(id))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_active_with_two_partners_is_counted_once_and_small_counts_are_hidden_but_from_staff()
    {
        var (backbone, association, company, id, _) = await InitiativeAsync();
        var both = (await app.CreateAccountAsync($"both-{Guid.NewGuid():N}@example.jp")).Account.Id;
        var one = (await app.CreateAccountAsync($"one-{Guid.NewGuid():N}@example.jp")).Account.Id;
        var inPeriod = JourneyRules.StartOfDay(LastMonth.Start).AddHours(12);
        var atAssociation = await OpportunityData.AddAsync(app, association.Id, OpportunityData.Details("見守り", DateTimeOffset.UtcNow.AddDays(3)));
        var atAssociationAgain = await OpportunityData.AddAsync(app, association.Id, OpportunityData.Details("見守り（2回目）", DateTimeOffset.UtcNow.AddDays(4)));
        var atCompany = await OpportunityData.AddAsync(app, company.Id, OpportunityData.Details("学習支援", DateTimeOffset.UtcNow.AddDays(3)));
        await QueryAsync(db =>
        {
            db.SignUps.AddRange(
                Attended(atAssociation, association.Id, both, inPeriod),
                Attended(atAssociationAgain, association.Id, both, inPeriod.AddDays(1)),
                Attended(atCompany, company.Id, both, inPeriod),
                Attended(atAssociation, association.Id, one, inPeriod),
                // Signed up but never checked in: not counted.
                new SignUp(atCompany, company.Id, one, SignUp.WholeOpportunity, inPeriod) { Status = SignUpStatus.Confirmed });
            return db.SaveChangesAsync();
        });
        var staff = await app.SignInAsync(Roles.Coordinator);
        var csv = await (await staff.GetAsync($"{CollectiveUrls.Dashboard(id)}?chart=people&format=csv")).Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        var heading = lines[0].Split(',');
        var row = lines.Single(l => l.StartsWith(CollectiveText.Label(LastMonth), StringComparison.Ordinal)).Split(',');
        string Cell(string name) => row[Array.FindIndex(heading, h => h.StartsWith(name, StringComparison.Ordinal))];
        Assert.Equal("2", Cell("本町自治会"));
        Assert.Equal("1", Cell("株式会社つながり"));
        Assert.Equal("3", Cell("延べ人数"));
        Assert.Equal("2", Cell("実人数"));

        // The backbone's admin sees the dashboard, but not counts of 1 to 4 people.
        csv = await (await backbone.Browser.GetAsync($"{CollectiveUrls.Dashboard(id)}?chart=people&format=csv")).Content.ReadAsStringAsync();
        row = csv.Split("\r\n").Single(l => l.StartsWith(CollectiveText.Label(LastMonth), StringComparison.Ordinal)).Split(',');
        Assert.All(row.Skip(1), v => Assert.Equal("", v));
    }

    private static SignUp Attended(Guid opportunity, Guid organization, Guid account, DateTimeOffset at) =>
        new(opportunity, organization, account, SignUp.WholeOpportunity, at.AddDays(-2)) { Status = SignUpStatus.Confirmed, CheckedInAt = at };

    [Fact]
    public async Task Reminders_go_once_per_period_to_the_admins_of_partners_who_have_not_submitted()
    {
        var (_, association, company, id, indicator) = await InitiativeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(association, id, association.Id, indicator, "5")).StatusCode);
        var onDueDate = JourneyRules.StartOfDay(LastMonth.DueOn).AddHours(9);
        var tooEarly = JourneyRules.StartOfDay(LastMonth.DueOn.AddDays(-CollectiveInitiative.ReminderDaysBefore - 1)).AddHours(9);
        Task<int> RunAsync(DateTimeOffset at) => QueryAsync(db => new SendCollectiveReminders(db, new FixedClock(at)).RunAsync(default));
        Task<int> NoticesAsync(Guid account) => QueryAsync(db => db.Notifications.CountAsync(n => n.AccountId == account && n.Kind == NotificationKind.CollectiveSubmissionDue && n.Link == CollectiveUrls.Submissions(id)));

        await RunAsync(tooEarly);
        Assert.Equal(0, await NoticesAsync(company.AdminId));
        await RunAsync(onDueDate);
        await RunAsync(onDueDate.AddHours(5));
        Assert.Equal(1, await NoticesAsync(company.AdminId));
        Assert.Equal(0, await NoticesAsync(association.AdminId));
    }

    [Fact]
    public async Task Refusals_bad_input_and_English()
    {
        var (backbone, association, company, id, indicator) = await InitiativeAsync();
        // A partner's admin cannot submit for another partner; nothing is saved.
        Denied(await SubmitAsync(association, id, company.Id, indicator, "99"));
        Assert.False(await QueryAsync(db => db.CollectiveSubmissions.AnyAsync(s => s.InitiativeId == id && s.OrganizationId == company.Id)));
        // A resident with no organization cannot start one; a partner's admin cannot manage; strangers do not see the dashboard.
        var resident = await app.SignInAsync(Roles.Resident);
        Denied(await resident.GetAsync(CollectiveUrls.New));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(CollectiveUrls.Dashboard(id))).StatusCode);
        Denied(await association.Browser.GetAsync(CollectiveUrls.Edit(id)));
        Assert.Equal(HttpStatusCode.OK, (await association.Browser.GetAsync(CollectiveUrls.Dashboard(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync(CollectiveUrls.Dashboard(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(CollectiveUrls.Overview(id))).StatusCode);

        // A partner's joining day must be a day, and not after today; nothing is added otherwise.
        var stranger = await OrgAsync("遅れて来た会", OrganizationKind.Npo);
        foreach (var joinedOn in new[] { "2026-13-01", JapanTime.Date(DateTimeOffset.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
        {
            var late = await backbone.Browser.PostFormAsync(CollectiveUrls.Edit(id), new() { ["PartnerOrganizationId"] = stranger.Id.ToString(), ["PartnerRole"] = "", ["PartnerJoinedOn"] = joinedOn }, "AddPartner");
            Assert.Contains("参加日は今日までの日を年-月-日で入力するか、空にしてください（空なら今日）。", await late.HtmlAsync(), StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(db => db.CollectivePartners.AnyAsync(p => p.InitiativeId == id && p.OrganizationId == stranger.Id)));

        // Bad input comes back with messages, as typed.
        var bad = await backbone.Browser.PostFormAsync(CollectiveUrls.New, new()
        {
            ["Input.BackboneOrganizationId"] = company.Id.ToString(),
            ["Input.Title"] = "",
            ["Input.Problem"] = "課題",
            ["Input.Goal"] = "目標",
            ["Input.StartsOn"] = "2026-13-40",
            ["Input.Cadence"] = "Weekly",
            ["Input.CommunicationIntervalDays"] = "0",
            ["Input.Municipalities"] = "999999",
        });
        var html = await bad.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        foreach (var message in new[] { "バックボーン組織を選んでください。", "この項目を入力してください。", "開始日を年-月-日で入力してください。", "報告の頻度を選んでください。", "話し合いの間隔は1日から366日までの日数で入力してください。", "市区町村の中に、ない市区町村コードがあります。" })
            Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13-40\"", html, StringComparison.Ordinal);

        var value = await SubmitAsync(association, id, association.Id, indicator, "十二");
        Assert.Equal(HttpStatusCode.OK, value.StatusCode);
        Assert.Contains("「居場所を利用した子どもの数」の値は数で入力してください", await value.HtmlAsync(), StringComparison.Ordinal);
        var closed = await SubmitAsync(association, id, association.Id, indicator, "3", CollectivePeriod.Of(ReportingCadence.Monthly, Today.AddMonths(-3)));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.False(await QueryAsync(db => db.CollectiveSubmissions.AnyAsync(s => s.InitiativeId == id)));

        // Removing a partner needs the confirmation; without it the partner stays.
        var remove = await backbone.Browser.PostFormAsync(CollectiveUrls.Edit(id), new() { ["OrganizationId"] = company.Id.ToString() }, "RemovePartner");
        Assert.Contains("パートナーから外すには、確認の欄にチェックを入れてください。", await remove.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await QueryAsync(db => db.CollectivePartners.AnyAsync(p => p.InitiativeId == id && p.OrganizationId == company.Id && p.LeftOn == null)));
        remove = await backbone.Browser.PostFormAsync(CollectiveUrls.Edit(id), new() { ["OrganizationId"] = company.Id.ToString(), ["ConfirmRemove"] = "true" }, "RemovePartner");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Browser.GetAsync(CollectiveUrls.Dashboard(id))).StatusCode);

        var future = await backbone.Browser.PostFormAsync(CollectiveUrls.Log(id), new() { ["Date"] = Day(Today.AddDays(3)), ["Kind"] = "Meeting", ["Summary"] = "" });
        var futureHtml = await future.HtmlAsync();
        Assert.Contains("まだ来ていない日の記録はつけられません。", futureHtml, StringComparison.Ordinal);
        Assert.Contains("内容の要約を入力してください。", futureHtml, StringComparison.Ordinal);

        var english = app.CreateBrowser("en");
        var overview = await (await english.GetAsync(CollectiveUrls.Overview(id))).HtmlAsync();
        Assert.Contains("Common agenda", overview, StringComparison.Ordinal);
        Assert.Contains("Progress of the shared indicators", overview, StringComparison.Ordinal);
        Assert.Contains("Collective impact", await (await english.GetAsync(CollectiveUrls.List)).HtmlAsync(), StringComparison.Ordinal);
    }

    /// <summary>403, or the access-denied page a signed-in browser is sent to.</summary>
    private static void Denied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, $"Not refused: {(int)response.StatusCode}");

    [Fact]
    public async Task The_demo_network_has_five_sectors_two_shared_indicators_and_the_company_missing_the_latest_quarter()
    {
        var admin = (await app.CreateAccountAsync("orgadmin@example.jp")).Account.Id;
        var kinds = new[] { OrganizationKind.Npo, OrganizationKind.NeighbourhoodAssociation, OrganizationKind.Company, OrganizationKind.EducationalInstitution, OrganizationKind.Government };
        var organizations = await QueryAsync(async db =>
        {
            var made = kinds.Select(k => new Organization(OpportunityData.Profile($"デモ{(int)k}") with { Kind = k }, admin, DateTimeOffset.UtcNow)).ToList();
            db.Organizations.AddRange(made);
            await db.SaveChangesAsync();
            return made.ToDictionary(o => o.Kind, o => o.Id);
        });
        // The seed adds nothing once any initiative exists: start from none (tests of a class run one at a time).
        await QueryAsync(db => db.CollectiveInitiatives.ExecuteDeleteAsync());
        await QueryAsync(db => new Tsunagari.Data.Demo.DemoInsightsCollective(db, TimeProvider.System).RunAsync().ContinueWith(_ => 0, TaskScheduler.Default));
        await QueryAsync(db => new Tsunagari.Data.Demo.DemoInsightsCollective(db, TimeProvider.System).RunAsync().ContinueWith(_ => 0, TaskScheduler.Default));
        var initiative = await QueryAsync(db => db.CollectiveInitiatives.SingleAsync(i => i.BackboneOrganizationId == organizations[OrganizationKind.Npo]));
        Assert.Equal(5, await QueryAsync(db => db.CollectivePartners.CountAsync(p => p.InitiativeId == initiative.Id)));
        Assert.Equal(2, await QueryAsync(db => db.CollectiveIndicators.CountAsync(i => i.InitiativeId == initiative.Id)));
        var latest = initiative.PeriodsUntil(Today).Last(p => p.End < Today);
        var submitted = await QueryAsync(db => db.CollectiveSubmissions.Where(s => s.InitiativeId == initiative.Id && s.PeriodStart == latest.Start).Select(s => s.OrganizationId).Distinct().ToListAsync());
        Assert.Equal(4, submitted.Count);
        Assert.DoesNotContain(organizations[OrganizationKind.Company], submitted);
        Assert.True(await QueryAsync(db => db.CollectiveLogEntries.CountAsync(e => e.InitiativeId == initiative.Id)) >= 5);
    }

    [Fact]
    public void Periods_and_the_cadence_of_communication()
    {
        Assert.Equal(new CollectivePeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), CollectivePeriod.Of(ReportingCadence.Quarterly, new DateOnly(2026, 5, 20)));
        Assert.Equal(new CollectivePeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), CollectivePeriod.Of(ReportingCadence.Quarterly, new DateOnly(2026, 12, 1)).Next());
        Assert.Equal(new DateOnly(2026, 3, 14), CollectivePeriod.Of(ReportingCadence.Monthly, new DateOnly(2026, 2, 3)).DueOn);

        var cadence = CommunicationCadence.Of([new(2026, 1, 10), new(2026, 2, 9), new(2026, 5, 1), new(2026, 5, 20)], 30, new DateOnly(2026, 7, 1));
        Assert.Equal(4, cadence.Entries);
        Assert.Equal(30, cadence.MedianGapDays);
        Assert.Equal([81, 42], cadence.LongGaps.Select(g => g.Days));
        Assert.True(cadence.IsOverdue);
        Assert.False(CommunicationCadence.Of([new(2026, 6, 20)], 30, new DateOnly(2026, 7, 1)).IsOverdue);
    }
}
