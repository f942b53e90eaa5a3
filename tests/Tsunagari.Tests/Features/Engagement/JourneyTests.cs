using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;
using static Tsunagari.Tests.Features.Engagement.JourneyData;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class JourneyTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private static readonly JourneyOptions Defaults = new();

    private static JourneyRules.Outcome? Evaluate(DateTimeOffset now, params DateTimeOffset[] dates) =>
        JourneyRules.Evaluate(dates.Select(d => new JourneyRules.Activity(d, 1, "121011")), [], "", Defaults, now);

    [Fact]
    public void Three_activities_within_six_months_reach_participation_dated_by_the_third()
    {
        var outcome = Evaluate(Japan(2026, 11, 1), Japan(2026, 1, 10), Japan(2026, 3, 1), Japan(2026, 7, 10))!;
        Assert.Equal(JourneyStage.Participation, outcome.Stage);
        var participation = Assert.Single(outcome.Reached, r => r.Stage == JourneyStage.Participation);
        Assert.Equal(Japan(2026, 7, 10), participation.At);
        Assert.Equal(Japan(2026, 1, 10), Assert.Single(outcome.Reached, r => r.Stage == JourneyStage.Experience).At);
    }

    [Fact]
    public void Three_activities_spread_over_seven_months_stay_an_experience()
    {
        var outcome = Evaluate(Japan(2026, 11, 1), Japan(2026, 1, 10), Japan(2026, 3, 1), Japan(2026, 8, 10))!;
        Assert.Equal(JourneyStage.Experience, outcome.Stage);
        Assert.DoesNotContain(outcome.Reached, r => r.Stage == JourneyStage.Participation);
    }

    [Fact]
    public void Rooted_needs_three_of_the_last_four_quarters_and_over_a_year()
    {
        var now = Japan(2026, 11, 15);
        // First activity 13 months ago, then active in 2026Q1, Q2 and Q4.
        var thirteen = Evaluate(now, Japan(2025, 10, 15), Japan(2026, 2, 1), Japan(2026, 5, 1), Japan(2026, 11, 1))!;
        Assert.Equal(JourneyStage.Rooted, thirteen.Stage);
        // Reached with the activity that made the third active quarter, not today.
        Assert.Equal(Japan(2026, 11, 1), thirteen.StageSince);

        // The same quarters, but the first activity only 11 months ago.
        var eleven = Evaluate(now, Japan(2025, 12, 15), Japan(2026, 2, 1), Japan(2026, 5, 1), Japan(2026, 11, 1))!;
        Assert.NotEqual(JourneyStage.Rooted, eleven.Stage);
        Assert.DoesNotContain(eleven.Reached, r => r.Stage == JourneyStage.Rooted);

        // Over a year, but only two of the last four quarters.
        var two = Evaluate(now, Japan(2025, 1, 15), Japan(2026, 2, 1), Japan(2026, 2, 20))!;
        Assert.NotEqual(JourneyStage.Rooted, two.Stage);
    }

    [Fact]
    public void Rooted_reached_by_the_passage_of_time_is_dated_when_the_tenure_was_completed_and_lost_when_quarters_pass()
    {
        var dates = new[] { Japan(2026, 1, 10), Japan(2026, 4, 10), Japan(2026, 7, 10), Japan(2026, 12, 1) };
        Assert.NotEqual(JourneyStage.Rooted, Evaluate(Japan(2026, 12, 31), dates)!.Stage);
        var rooted = Evaluate(Japan(2027, 1, 20), dates)!;
        Assert.Equal(JourneyStage.Rooted, rooted.Stage);
        Assert.Equal(Japan(2026, 1, 10).AddMonths(12), rooted.StageSince);

        // A year later without activity: no longer rooted now, but the history keeps the date it was reached.
        var later = Evaluate(Japan(2028, 1, 20), dates)!;
        Assert.Equal(JourneyStage.Participation, later.Stage);
        Assert.Equal(Japan(2026, 1, 10).AddMonths(12), Assert.Single(later.Reached, r => r.Stage == JourneyStage.Rooted).At);
    }

    [Fact]
    public async Task Transitions_are_dated_by_the_activity_and_recomputing_changes_nothing()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "道のりの会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var person = await PersonAsync(app, "hanako");
        await AttendAsync(app, opportunityId, person, Japan(2026, 2, 1), Japan(2026, 3, 1), Japan(2026, 4, 1));
        var now = Japan(2026, 6, 1);

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Update(db, now.AddDays(run)).UpdateAsync([(person, organizationId)], CancellationToken.None);
        }

        await using var check = app.Scope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var journey = await data.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == person && j.OrganizationId == organizationId);
        Assert.Equal(JourneyStage.Participation, journey.Stage);
        Assert.Equal(3, journey.Activities);
        Assert.Equal(6m, journey.Hours);
        Assert.Equal(OpportunityData.ChuoWard, journey.MunicipalityCode);
        Assert.Equal(Japan(2026, 4, 1), journey.StageSince);
        var transitions = await data.StageTransitions.AsNoTracking().Where(t => t.AccountId == person).OrderBy(t => t.To).ToListAsync();
        Assert.Equal([JourneyStage.Experience, JourneyStage.Participation], transitions.Select(t => t.To));
        Assert.Equal([Japan(2026, 2, 1), Japan(2026, 4, 1)], transitions.Select(t => t.At));
        Assert.Equal(StageCause.RepeatAttendance, transitions[1].Cause);
        Assert.Equal(JourneyStage.Experience, transitions[1].From);
    }

    [Fact]
    public async Task A_check_in_reaches_the_journey_through_the_outbox()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "受付の会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var person = await PersonAsync(app, "taro");
        Guid signUpId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var before = await db.JourneyChanges.CountAsync(c => c.AccountId == person);
            var signUp = new SignUp(opportunityId, organizationId, person, new DateOnly(2026, 5, 1), DateTimeOffset.UtcNow) { Status = SignUpStatus.Confirmed };
            db.SignUps.Add(signUp);
            await db.SaveChangesAsync();
            signUpId = signUp.Id;
            // Signing up is not yet activity: nothing for the journey.
            Assert.Equal(before, await db.JourneyChanges.CountAsync(c => c.AccountId == person));
        }
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var signUp = await db.SignUps.SingleAsync(s => s.Id == signUpId);
            signUp.CheckedInAt = DateTimeOffset.UtcNow;
            signUp.CheckInMethod = CheckInMethod.Code;
            await db.SaveChangesAsync();
            Assert.True(await db.JourneyChanges.AnyAsync(c => c.AccountId == person && c.OrganizationId == organizationId));
        }
        await using (var scope = app.Scope())
        {
            var processed = await scope.ServiceProvider.GetRequiredService<ProcessJourneyChanges>().RunAsync();
            Assert.True(processed >= 1);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.JourneyChanges.AnyAsync());
            var journey = await db.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == person && j.OrganizationId == organizationId);
            Assert.Equal(JourneyStage.Experience, journey.Stage);
            Assert.Equal(1, journey.Activities);
            // The organization's founder is an admin: co-planning from the membership, through the same outbox.
            Assert.True(await db.Journeys.AnyAsync(j => j.OrganizationId == organizationId && j.Stage == JourneyStage.CoPlanning));
        }
    }

    [Fact]
    public void The_daily_re_evaluation_runs_at_night_not_when_a_node_starts()
    {
        var three = new TimeOnly(3, 0);
        // Started at 10:00 Japan time: the next night, not now.
        Assert.Equal(Japan(2026, 11, 30).AddHours(-7), JourneyUpdater.NextDaily(Japan(2026, 11, 29), three));
        // Started at 02:00: the same night.
        Assert.Equal(Japan(2026, 11, 29).AddHours(-7), JourneyUpdater.NextDaily(Japan(2026, 11, 29).AddHours(-8), three));
    }

    [Fact]
    public async Task The_daily_re_evaluation_roots_people_whose_tenure_was_just_completed()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "定着の会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var person = await PersonAsync(app, "steady");
        await AttendAsync(app, opportunityId, person, Japan(2026, 1, 10), Japan(2026, 4, 10), Japan(2026, 7, 10), Japan(2026, 12, 1));
        await using (var scope = app.Scope())
            await Update(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Japan(2026, 12, 31)).UpdateAsync([(person, organizationId)], CancellationToken.None);

        var now = Japan(2027, 1, 12);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(JourneyStage.Participation, (await db.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == person)).Stage);
            var process = new ProcessJourneyChanges(db, Update(db, now), Microsoft.Extensions.Options.Options.Create(new JourneyOptions()), new JourneyClock(now));
            Assert.True(await process.ReevaluateRootedAsync(TimeSpan.FromDays(7)) >= 1);
        }
        await using var check = app.Scope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var journey = await data.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == person);
        Assert.Equal(JourneyStage.Rooted, journey.Stage);
        Assert.Equal(Japan(2027, 1, 10), journey.StageSince);
        Assert.Equal(Japan(2027, 1, 10), (await data.StageTransitions.AsNoTracking().SingleAsync(t => t.AccountId == person && t.To == JourneyStage.Rooted)).At);
    }

    [Fact]
    public async Task Approved_hours_reports_count_and_the_bulk_path_matches()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "報告の会");
        var person = await PersonAsync(app, "jiro");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var day in new[] { 1, 10, 20 })
                db.HoursReports.Add(new HoursReport(person, organizationId, new DateOnly(2026, 3, day), 1.5m, "清掃", [1], DateTimeOffset.UtcNow) { Status = HoursReportStatus.Approved });
            db.HoursReports.Add(new HoursReport(person, organizationId, new DateOnly(2026, 3, 25), 1m, "未承認", [1], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await Update(db, Japan(2026, 6, 1)).UpdateAllAsync(batchSize: 1);
        }
        await using var check = app.Scope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var journey = await data.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == person && j.OrganizationId == organizationId);
        Assert.Equal(JourneyStage.Participation, journey.Stage);
        Assert.Equal(3, journey.Activities);
        Assert.Equal(4.5m, journey.Hours);
        Assert.Equal(JourneyRules.StartOfDay(new DateOnly(2026, 3, 20)), journey.StageSince);
        Assert.Equal("121002", journey.MunicipalityCode); // no place of its own: the organization's municipality
    }

    [Fact]
    public async Task The_funnel_shows_counts_conversion_and_median_days()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "漏斗の会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var now = DateTimeOffset.UtcNow;
        var once = await PersonAsync(app, "once");
        var repeat = await PersonAsync(app, "repeat");
        var planner = await PersonAsync(app, "planner");
        await AttendAsync(app, opportunityId, once, now.AddDays(-10));
        await AttendAsync(app, opportunityId, repeat, now.AddDays(-40), now.AddDays(-30), now.AddDays(-20));
        await AttendAsync(app, opportunityId, planner, now.AddDays(-60), now.AddDays(-50), now.AddDays(-40));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Memberships.Add(new Membership(organizationId, planner, MembershipRole.Member, now.AddDays(-30)));
            await db.SaveChangesAsync();
        }
        await UpdateAllAsync(app, now);

        var html = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/journey", UriKind.Relative))).HtmlAsync();
        // 体験: 3 reached, 1 now; 参加: 2 reached (20 and 20 days after 体験), 1 now; 参画: the planner and the founder.
        Assert.Matches(@"<th scope=""row"">体験</th>\s*<td>1</td>\s*<td>3</td>\s*<td>66.7\s?%</td>", html);
        Assert.Matches(@"<th scope=""row"">参加</th>\s*<td>1</td>\s*<td>2</td>\s*<td>50.0\s?%</td>\s*<td>20.0日</td>", html);
        Assert.Matches(@"<th scope=""row"">参画</th>\s*<td>2</td>\s*<td>2</td>\s*<td>0.0\s?%</td>\s*<td>10.0日</td>", html);
        // The repeat participant qualifies for co-planning; the planner is a member already.
        Assert.Contains($"/people/{repeat}", html, StringComparison.Ordinal);
        Assert.Contains("企画に招待する", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_invitation_is_sent_once_and_not_again_within_ninety_days()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "お誘いの会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var quiet = await PersonAsync(app, "quiet");
        await AttendAsync(app, opportunityId, quiet, DateTimeOffset.UtcNow.AddDays(-120));
        await UpdateAllAsync(app, DateTimeOffset.UtcNow);

        var page = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/journey", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"/people/{quiet}", page, StringComparison.Ordinal);
        var sent = await admin.PostFormAsync($"/organizations/{organizationId}/journey", new() { ["accountId"] = quiet.ToString() }, handler: "Reinvite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The list seen before is not shown again: the person is marked as invited.
        page = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/journey", UriKind.Relative))).HtmlAsync();
        Assert.Contains("お誘い済み", page, StringComparison.Ordinal);
        var again = await admin.PostFormAsync($"/organizations/{organizationId}/journey", new() { ["accountId"] = quiet.ToString() }, handler: "Reinvite");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("90日以内にお誘いを送っています", await again.HtmlAsync(), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.AccountId == quiet);
        Assert.Equal(NotificationKind.Reinvitation, notification.Kind);
        Assert.Equal($"/organizations/{organizationId}", notification.Link);
        Assert.NotNull((await db.Journeys.AsNoTracking().SingleAsync(j => j.AccountId == quiet)).ReinvitedAt);
    }

    [Fact]
    public async Task People_gone_quiet_are_listed_a_page_at_a_time()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "静かな会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var now = DateTimeOffset.UtcNow;
        var quiet = new List<Guid>();
        for (var i = 0; i <= JourneyModel.PageSize; i++)
        {
            quiet.Add(await PersonAsync(app, $"quiet{i}"));
            // The most recently active first: the last one added is on the second page.
            await AttendAsync(app, opportunityId, quiet[^1], now.AddDays(-100 - i));
        }
        await UpdateAllAsync(app, now);

        async Task<string> PageAsync(string query) =>
            await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/journey{query}", UriKind.Relative))).HtmlAsync();
        var first = await PageAsync("");
        var second = await PageAsync("?page=2");
        Assert.Contains($"/people/{quiet[0]}", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{quiet[^1]}", first, StringComparison.Ordinal);
        Assert.Contains($"/people/{quiet[^1]}", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{quiet[0]}", second, StringComparison.Ordinal);
        Assert.Contains("2 / 2ページ", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_to_co_plan_uses_the_member_invitation_and_a_notification()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "企画の会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var regular = await PersonAsync(app, "regular");
        var now = DateTimeOffset.UtcNow;
        await AttendAsync(app, opportunityId, regular, now.AddDays(-30), now.AddDays(-20), now.AddDays(-10));
        await UpdateAllAsync(app, now);

        var sent = await admin.PostFormAsync($"/organizations/{organizationId}/journey", new() { ["accountId"] = regular.ToString() }, handler: "InviteToCoPlan");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var again = await admin.PostFormAsync($"/organizations/{organizationId}/journey", new() { ["accountId"] = regular.ToString() }, handler: "InviteToCoPlan");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(NotificationKind.CoPlanningInvitation, (await db.Notifications.AsNoTracking().SingleAsync(n => n.AccountId == regular)).Kind);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == regular).Select(u => u.Email).SingleAsync();
        Assert.True(await db.Invitations.AnyAsync(i => i.OrganizationId == organizationId && i.Email == email));
        Assert.Contains(app.Mail(), m => m.To.ToString().Contains(email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_organizations_admins_see_its_journey()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "権限の会");
        var url = new Uri($"/organizations/{organizationId}/journey", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync(url)).StatusCode);
        var resident = await app.SignInAsync(Roles.Resident);
        AssertDenied(await resident.GetAsync(url));
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "隣の権限の会");
        AssertDenied(await other.GetAsync(url));
        // A member who is not an admin does not see people's activity either (posts are covered by the authorization matrix).
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, email);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            db.Memberships.Add(new Membership(organizationId, account.Id, MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        AssertDenied(await member.GetAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/organizations/{Guid.NewGuid()}/journey", UriKind.Relative))).StatusCode);
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"{(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task Journeys_are_exported_and_erased_with_the_person()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "個人情報の会");
        var opportunityId = await OpportunityAsync(app, organizationId);
        var person = await PersonAsync(app, "private");
        await AttendAsync(app, opportunityId, person, DateTimeOffset.UtcNow.AddDays(-100));
        await UpdateAllAsync(app, DateTimeOffset.UtcNow);
        var journey = new Uri($"/organizations/{organizationId}/journey", UriKind.Relative);
        Assert.Contains($"/people/{person}", await (await admin.GetAsync(journey)).HtmlAsync(), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetServices<IPersonalData>().Single(p => p.Section == "journeys");
        var exported = System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(person, CancellationToken.None));
        Assert.Contains(organizationId.ToString(), exported, StringComparison.Ordinal);
        Assert.Contains("Experience", exported, StringComparison.Ordinal);
        await data.EraseAsync(person, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Journeys.AnyAsync(j => j.AccountId == person));
        Assert.False(await db.StageTransitions.AnyAsync(t => t.AccountId == person));
        // The organization's funnel and lists, seen before, no longer count or name the person.
        var after = await (await admin.GetAsync(journey)).HtmlAsync();
        Assert.DoesNotContain($"/people/{person}", after, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">体験</th>\s*<td>0</td>\s*<td>0</td>", after);
    }
}
