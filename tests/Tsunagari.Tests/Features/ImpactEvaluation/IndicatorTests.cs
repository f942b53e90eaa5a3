using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Collaboration.Calls;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>
/// Indicators: what the platform counts for an organization (on records made here, with numbers checked by hand), the
/// actual series of platform and manual indicators, the indicator pages and forms, the frozen evaluations, and who may
/// do what.
/// </summary>
public sealed class IndicatorTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 1) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>403, or the access-denied page a signed-in browser is sent to.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    private async Task<Guid> PersonAsync(string name) => (await app.CreateAccountAsync($"{name}-{Guid.NewGuid():N}@example.jp")).Account.Id;

    private static SignUp Attended(Guid opportunityId, Guid organizationId, Guid person, DateTimeOffset at, decimal hours) =>
        new(opportunityId, organizationId, person, JapanTime.Date(at), at.AddDays(-3)) { Status = SignUpStatus.Confirmed, CheckedInAt = at, Hours = hours };

    /// <summary>
    /// The records of one organization around the second quarter of 2026 (1 April – 30 June, Japan dates), and of another:
    /// <list type="bullet">
    /// <item>a returning person: checked in on 20 March (2 h, before the period) and at 00:30 on 1 April Japan time (15:30 UTC on 31 March: in it, 1.5 h);</item>
    /// <item>a first-timer: checked in on 15 June (2.25 h);</item>
    /// <item>a sign-up made in May and cancelled, and one made in May still pending (neither checked in);</item>
    /// <item>hours reports: approved on 10 May (3 h, counted), pending on 11 May (5 h), approved on 10 March (4 h, before);</item>
    /// <item>stage transitions: the first-timer to 体験 in June, the returning person to 体験 in March and to 参加 in April;</item>
    /// <item>pro bono projects: one answered in use in May, one answered not used in May;</item>
    /// <item>the other organization: a check-in in May (8 h) by the first-timer, which never counts here.</item>
    /// </list>
    /// Each attended sign-up was made three days before its check-in (so the returning person's April one was made on
    /// 28 March, before the period, and the first-timer's on 12 June, in it). The expected figures are worked out at the asserts.
    /// </summary>
    private async Task<Guid> QuarterAsync()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "数える会");
        var (_, otherId) = await OpportunityData.OrgAdminAsync(app, "隣で数える会");
        var opportunity = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("数える活動", DateTimeOffset.UtcNow.AddDays(7)));
        var elsewhere = await OpportunityData.AddAsync(app, otherId, OpportunityData.Details("隣の活動", DateTimeOffset.UtcNow.AddDays(7)));
        var returning = await PersonAsync("returning");
        var first = await PersonAsync("first");
        var cancelled = await PersonAsync("cancelled");
        var pending = await PersonAsync("pending");
        await QueryAsync(async db =>
        {
            db.SignUps.AddRange(
                Attended(opportunity, organizationId, returning, Utc(2026, 3, 20), 2m),
                // Made on 28 March (before the period): attended in it, but not a sign-up made in it.
                Attended(opportunity, organizationId, returning, new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero), 1.5m),
                // Made on 12 June: a sign-up of the period, attended in it.
                Attended(opportunity, organizationId, first, Utc(2026, 6, 15), 2.25m),
                Attended(elsewhere, otherId, first, Utc(2026, 5, 3), 8m),
                new SignUp(opportunity, organizationId, cancelled, SignUp.WholeOpportunity, Utc(2026, 5, 5)) { Status = SignUpStatus.Cancelled },
                new SignUp(opportunity, organizationId, pending, SignUp.WholeOpportunity, Utc(2026, 5, 6)) { Status = SignUpStatus.Pending });
            db.HoursReports.AddRange(
                new HoursReport(returning, organizationId, new DateOnly(2026, 5, 10), 3m, "清掃", [], Utc(2026, 5, 11)) { Status = HoursReportStatus.Approved },
                new HoursReport(returning, organizationId, new DateOnly(2026, 5, 11), 5m, "清掃", [], Utc(2026, 5, 12)),
                new HoursReport(first, organizationId, new DateOnly(2026, 3, 10), 4m, "清掃", [], Utc(2026, 3, 11)) { Status = HoursReportStatus.Approved });
            db.StageTransitions.AddRange(
                new StageTransition(first, organizationId, null, JourneyStage.Experience, Utc(2026, 6, 15), StageCause.FirstAttendance, ""),
                new StageTransition(returning, organizationId, null, JourneyStage.Experience, Utc(2026, 3, 20), StageCause.FirstAttendance, ""),
                new StageTransition(returning, organizationId, JourneyStage.Experience, JourneyStage.Participation, Utc(2026, 4, 20), StageCause.RepeatAttendance, ""),
                new StageTransition(first, otherId, null, JourneyStage.Participation, Utc(2026, 5, 3), StageCause.RepeatAttendance, ""));
            var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
            var round = new MatchingRound("数える回", 3, 5, founder, Utc(2026, 1, 1));
            db.Add(round);
            foreach (var (title, use) in new[] { ("使われている成果物", DeliverableUse.InUse), ("使われていない成果物", DeliverableUse.NotUsed) })
            {
                var challenge = new Challenge(organizationId, founder, new ChallengeDetails(title, "現状", "課題", "目標", DeliverableKind.Website, [new("design", 3)], 4,
                    new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), WorkMode.Online, null, null), Utc(2026, 1, 1));
                challenge.Accept(founder, "", Utc(2026, 1, 2));
                challenge.AddToRound(round.Id, 3, 5, Utc(2026, 1, 2));
                challenge.MarkStaffed(Utc(2026, 1, 3));
                var project = new ProBonoProject(challenge, round.Id, new DateOnly(2026, 1, 3), Utc(2026, 1, 3));
                project.CompletePhase(ProjectPhaseKind.Review, new DateOnly(2026, 2, 10), Utc(2026, 2, 10));
                project.FollowUpSent(Utc(2026, 5, 10));
                project.AnswerFollowUp(use, "", Utc(2026, 5, 20));
                db.AddRange(challenge, project);
            }
            return await db.SaveChangesAsync();
        });
        return organizationId;
    }

    [Fact]
    public async Task Platform_measures_count_the_organizations_records_in_the_period_by_Japan_dates()
    {
        var organizationId = await QuarterAsync();
        await using var scope = app.Scope();
        var measures = scope.ServiceProvider.GetRequiredService<PlatformMeasures>();
        Task<decimal> Measure(PlatformMeasure measure, JourneyStage? stage = null) => measures.ComputeAsync(organizationId, measure, stage, From, To, CancellationToken.None);

        // The returning person (checked in at 00:30 on 1 April, Japan time) and the first-timer.
        Assert.Equal(2m, await Measure(PlatformMeasure.Participants));
        // Only the first-timer: the returning person attended in March; the first-timer's May check-in was with another organization.
        Assert.Equal(1m, await Measure(PlatformMeasure.Newcomers));
        // 1.5 (1 April) + 2.25 (15 June) + 3 (approved report of 10 May); not the pending report, March's, or the other organization's 8.
        Assert.Equal(6.75m, await Measure(PlatformMeasure.VolunteerHours));
        // Made in the period and not cancelled: the first-timer's (12 June) and the pending one (6 May); the cancelled one and the March one not.
        Assert.Equal(2m, await Measure(PlatformMeasure.SignUps));
        // 体験 or later in the period: the first-timer (June) and the returning person (参加 in April); 参加 or later: the returning person.
        Assert.Equal(2m, await Measure(PlatformMeasure.ReachedStage, JourneyStage.Experience));
        Assert.Equal(1m, await Measure(PlatformMeasure.ReachedStage, JourneyStage.Participation));
        Assert.Equal(0m, await Measure(PlatformMeasure.ReachedStage, JourneyStage.CoPlanning));
        Assert.Equal(1m, await Measure(PlatformMeasure.ProBonoDeliverablesInUse));

        // The period's edges are Japan dates: 31 March has no one (the check-in at 15:30 UTC that day is on 1 April in Japan).
        Assert.Equal(0m, await measures.ComputeAsync(organizationId, PlatformMeasure.Participants, null, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31), CancellationToken.None));
        Assert.Equal(1m, await measures.ComputeAsync(organizationId, PlatformMeasure.Participants, null, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1), CancellationToken.None));
        // From January, both are newcomers: the returning person's first attendance (20 March) falls in that period.
        Assert.Equal(2m, await measures.ComputeAsync(organizationId, PlatformMeasure.Newcomers, null, new DateOnly(2026, 1, 1), To, CancellationToken.None));
    }

    [Fact]
    public async Task Indicator_values_give_platform_indicators_cumulative_values_at_passed_target_dates_and_manual_ones_their_measurements()
    {
        var organizationId = await QuarterAsync();
        var founder = await QueryAsync(db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync());
        var now = DateTimeOffset.UtcNow;
        var model = new LogicModel(organizationId, "数えるモデル", From, new DateOnly(2027, 3, 31), founder, now);
        var output = model.AddElement(ElementKind.Output, "活動の開催");
        var outcome = model.AddElement(ElementKind.ShortTermOutcome, "つながりの実感");
        var participants = new Indicator(model.Id, output.Id, "参加者数", IndicatorSource.Platform, now) { Measure = PlatformMeasure.Participants, Unit = "人", Baseline = 1m };
        participants.SetTargets([new(new DateOnly(2027, 3, 31), 10m), new(new DateOnly(2026, 5, 1), 1m), new(new DateOnly(2026, 7, 1), 5m)]);
        var feeling = new Indicator(model.Id, outcome.Id, "つながりを感じる人の割合", IndicatorSource.Survey, now) { Unit = "%" };
        feeling.SetTargets([new(new DateOnly(2026, 9, 30), 70m)]);
        await QueryAsync(db =>
        {
            db.LogicModels.Add(model);
            db.Indicators.AddRange(participants, feeling);
            db.Measurements.AddRange(
                new Measurement(feeling.Id, new DateOnly(2026, 6, 1), 62.5m, "", 40, founder, now),
                new Measurement(feeling.Id, new DateOnly(2026, 5, 1), 55m, "", 38, founder, now));
            return db.SaveChangesAsync();
        });

        await using var scope = app.Scope();
        var values = scope.ServiceProvider.GetRequiredService<IndicatorValues>();
        var loaded = await scope.ServiceProvider.GetRequiredService<AppDbContext>().LogicModels.AsNoTracking().Include(m => m.Elements).SingleAsync(m => m.Id == model.Id);
        var read = await values.ReadAsync(loaded, new DateOnly(2026, 7, 15), CancellationToken.None);

        Assert.Equal(["参加者数", "つながりを感じる人の割合"], read.Select(r => r.Indicator.Name));
        var platform = read[0];
        // From 1 April to 1 May: the returning person; to 1 July and to today (15 July): both. The 2027 target is not due.
        Assert.Equal(new IndicatorPoint[] { new(new DateOnly(2026, 5, 1), 1m), new(new DateOnly(2026, 7, 1), 2m), new(new DateOnly(2026, 7, 15), 2m) }, platform.Actuals);
        Assert.Equal(new IndicatorTarget(new DateOnly(2027, 3, 31), 10m), platform.Target);
        // From the baseline 1 to the target 10, at 2: one ninth of the way.
        Assert.Equal(1m / 9m, platform.Progress);
        Assert.False(platform.Met);

        var survey = read[1];
        Assert.Equal(new IndicatorPoint[] { new(new DateOnly(2026, 5, 1), 55m, 38), new(new DateOnly(2026, 6, 1), 62.5m, 40) }, survey.Actuals);
        Assert.Equal(62.5m, survey.Current!.Value);
        // No baseline, more is better: from 0 to 70.
        Assert.Equal(62.5m / 70m, survey.Progress);

        // After the period's end the platform series stops at its end; before its start there is nothing yet.
        Assert.Equal(new DateOnly(2027, 3, 31), IndicatorValues.PlatformDates(loaded, participants, new DateOnly(2027, 6, 1))[^1]);
        Assert.Empty(IndicatorValues.PlatformDates(loaded, participants, new DateOnly(2026, 3, 1)));
    }

    /// <summary>A model of a new organization (an output and an outcome) whose period runs around today; its admin's browser.</summary>
    private async Task<(HttpClient Admin, Guid OrganizationId, Guid ModelId, Guid Output, Guid Outcome)> ModelAsync(string name)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        var today = JapanTime.Date(DateTimeOffset.UtcNow);
        var (modelId, output, outcome) = await QueryAsync(async db =>
        {
            var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
            var model = new LogicModel(organizationId, name + "のモデル", today.AddMonths(-3), today.AddMonths(9), founder, DateTimeOffset.UtcNow);
            model.AddElement(ElementKind.Input, "資金");
            var o = model.AddElement(ElementKind.Output, "講座の開催");
            var c = model.AddElement(ElementKind.ShortTermOutcome, "孤立の解消");
            db.LogicModels.Add(model);
            await db.SaveChangesAsync();
            return (model.Id, o.Id, c.Id);
        });
        return (admin, organizationId, modelId, output, outcome);
    }

    private static Dictionary<string, string> IndicatorForm(Guid element, string source = "Manual", string measure = "", params (string Date, string Value)[] targets)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.ElementId"] = element.ToString(),
            ["Input.Name"] = "講座の満足度",
            ["Input.Definition"] = "講座の後のアンケートで「満足」と答えた人の割合",
            ["Input.Unit"] = "%",
            ["Input.Direction"] = "Increase",
            ["Input.Baseline"] = "40",
            ["Input.BaselineDate"] = "2026-04-01",
            ["Input.Source"] = source,
            ["Input.Measure"] = measure,
            ["Input.Stage"] = "",
        };
        for (var i = 0; i < targets.Length; i++)
        {
            form[$"Input.Targets[{i}].Date"] = targets[i].Date;
            form[$"Input.Targets[{i}].Value"] = targets[i].Value;
        }
        return form;
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient browser, string url, Dictionary<string, string> fields, byte[]? file = null, string fileName = "evidence.pdf")
    {
        using var form = new MultipartFormDataContent { { new StringContent(await CallData.TokenAsync(browser)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "evidence", fileName);
        }
        return await browser.PostAsync(new Uri(url + "?handler=Record", UriKind.Relative), form);
    }

    private static Guid IndicatorIdOf(HttpResponseMessage response, Guid modelId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString[$"/impact/models/{modelId}/indicators/".Length..]);
    }

    [Fact]
    public async Task An_admin_adds_an_indicator_with_targets_records_a_measurement_with_evidence_and_members_download_it()
    {
        var (admin, organizationId, modelId, output, _) = await ModelAsync("指標の会");
        var added = await admin.PostFormAsync($"/impact/models/{modelId}/indicators/new",
            IndicatorForm(output, targets: [("2026-12-31", "60"), ("2026-09-30", "50")]));
        var indicatorId = IndicatorIdOf(added, modelId);
        var indicator = await QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == indicatorId));
        Assert.Equal(IndicatorSource.Manual, indicator.Source);
        Assert.Equal(40m, indicator.Baseline);
        Assert.Equal(new IndicatorTarget[] { new(new DateOnly(2026, 9, 30), 50m), new(new DateOnly(2026, 12, 31), 60m) }, indicator.Targets);

        var url = $"/impact/models/{modelId}/indicators/{indicatorId}";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n満足度調査の集計\n%%EOF");
        var recorded = await RecordAsync(admin, url, new() { ["Record.Date"] = "2026-10-01", ["Record.Value"] = "５５.５", ["Record.Note"] = "講座後の調査" }, pdf, "集計.pdf");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var measurement = await QueryAsync(db => db.Measurements.AsNoTracking().SingleAsync(m => m.IndicatorId == indicatorId));
        Assert.Equal(55.5m, measurement.Value);
        Assert.Equal("集計.pdf", measurement.EvidenceFileName);

        // The page: chart and table with the same figures, the measurement with its evidence link.
        var page = await admin.PageAsync(url);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2026-10-01</th>", page, StringComparison.Ordinal);
        Assert.Contains("55.5", page, StringComparison.Ordinal);
        Assert.Contains($"/measurements/{measurement.Id}/evidence", page, StringComparison.Ordinal);

        // A member downloads the evidence as an attachment; another organization's admin is told nothing.
        var member = await MemberAsync(organizationId, MembershipRole.Member);
        var download = await member.GetAsync(new Uri($"{url}/measurements/{measurement.Id}/evidence", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var (stranger, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"{url}/measurements/{measurement.Id}/evidence", UriKind.Relative))).StatusCode);

        // The list shows it under its output with the latest actual.
        var list = await member.PageAsync($"/impact/models/{modelId}/indicators");
        Assert.Contains("講座の満足度", list, StringComparison.Ordinal);
        Assert.Contains("55.5", list, StringComparison.Ordinal);

        // Deleting needs the confirmation: without it the measurement stays.
        var unconfirmed = await admin.PostAsync(url, "DeleteMeasurement", new() { ["measurementId"] = measurement.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("確認の欄にチェック", await unconfirmed.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicatorId)));
        var deleted = await admin.PostAsync(url, "DeleteMeasurement", new() { ["measurementId"] = measurement.Id.ToString(), ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.MeasurementEvidence.CountAsync(e => e.MeasurementId == measurement.Id)));
    }

    private async Task<HttpClient> MemberAsync(Guid organizationId, MembershipRole role)
    {
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        await QueryAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Email == email);
            db.Memberships.Add(new Membership(organizationId, account.Id, role, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        return browser;
    }

    [Fact]
    public async Task Bad_indicator_input_is_refused_with_messages_and_nothing_is_saved()
    {
        var (admin, _, modelId, output, _) = await ModelAsync("入力を確かめる会");
        var url = $"/impact/models/{modelId}/indicators/new";
        async Task Refused(Dictionary<string, string> form, string message)
        {
            var response = await admin.PostFormAsync(url, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.HtmlAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            // What was typed is shown again.
            Assert.Contains(form["Input.Name"], html, StringComparison.Ordinal);
        }

        await Refused(IndicatorForm(output, targets: [("2026-09-30", "50"), ("2026-09-30", "60")]), "は別の目標と同じです");
        await Refused(IndicatorForm(output, targets: [("2026-09-30", "たくさん")]), "目標1の値は数値で入力してください");
        await Refused(IndicatorForm(output, targets: [("2026-09-30", "1000000000001")]), "目標1の値は-");
        await Refused(IndicatorForm(output, targets: [("2026-09-30", "1e5")]), "数値で入力してください");
        var noElement = IndicatorForm(output);
        noElement["Input.ElementId"] = "";
        await Refused(noElement, "測る要素を、アウトプットかアウトカムから選んでください。");
        var input = await QueryAsync(db => db.LogicModelElements.Where(e => e.LogicModelId == modelId && e.Kind == ElementKind.Input).Select(e => e.Id).SingleAsync());
        await Refused(IndicatorForm(input), "測る要素を、アウトプットかアウトカムから選んでください。");
        await Refused(IndicatorForm(output, source: "Manual", measure: "Participants"), "データの出所がプラットフォームのときだけ選べます");
        await Refused(IndicatorForm(output, source: "Platform"), "集計項目を選んでください");
        await Refused(IndicatorForm(output, source: "Platform", measure: "ReachedStage"), "数える段階を選んでください");
        var badBaseline = IndicatorForm(output);
        badBaseline["Input.Baseline"] = "-99999999999999";
        await Refused(badBaseline, "ベースラインは-");
        Assert.Equal(0, await QueryAsync(db => db.Indicators.CountAsync(i => i.LogicModelId == modelId)));

        // A platform indicator of the stage reached is taken, and its page says it is computed, with no form.
        var platform = IndicatorForm(output, source: "Platform", measure: "ReachedStage");
        platform["Input.Stage"] = "Participation";
        var indicatorId = IndicatorIdOf(await admin.PostFormAsync(url, platform), modelId);
        var page = await admin.PageAsync($"/impact/models/{modelId}/indicators/{indicatorId}");
        Assert.Contains("自動で計算されるため", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Record.Value\"", page, StringComparison.Ordinal);
        var recorded = await RecordAsync(admin, $"/impact/models/{modelId}/indicators/{indicatorId}", new() { ["Record.Date"] = "2026-10-01", ["Record.Value"] = "3" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicatorId)));
    }

    [Fact]
    public async Task A_survey_needs_its_respondents_and_evidence_must_be_an_accepted_file_within_the_limit()
    {
        var (admin, _, modelId, _, outcome) = await ModelAsync("調べる会");
        var indicatorId = IndicatorIdOf(await admin.PostFormAsync($"/impact/models/{modelId}/indicators/new", IndicatorForm(outcome, source: "Survey")), modelId);
        var url = $"/impact/models/{modelId}/indicators/{indicatorId}";
        var fields = new Dictionary<string, string> { ["Record.Date"] = "2026-10-01", ["Record.Value"] = "72.5", ["Record.Note"] = "孤立感の設問" };

        var noRespondents = await RecordAsync(admin, url, fields);
        Assert.Equal(HttpStatusCode.OK, noRespondents.StatusCode);
        var html = await noRespondents.HtmlAsync();
        Assert.Contains("アンケートの回答者数を1から", html, StringComparison.Ordinal);
        Assert.Contains("孤立感の設問", html, StringComparison.Ordinal);
        fields["Record.Respondents"] = "0";
        Assert.Contains("アンケートの回答者数を1から", await (await RecordAsync(admin, url, fields)).HtmlAsync(), StringComparison.Ordinal);

        fields["Record.Respondents"] = "48";
        var script = await RecordAsync(admin, url, fields, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "evidence.html");
        Assert.Contains("受け付けられるのは、PDF", await script.HtmlAsync(), StringComparison.Ordinal);
        var large = new byte[Measurement.MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(large);
        Assert.Contains("ファイルは8MB以内にしてください。", await (await RecordAsync(admin, url, fields, large)).HtmlAsync(), StringComparison.Ordinal);
        fields["Record.Value"] = "NaN";
        Assert.Contains("測定値は数値で入力してください", await (await RecordAsync(admin, url, fields)).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicatorId)));

        fields["Record.Value"] = "72.5";
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, fields)).StatusCode);
        var measurement = await QueryAsync(db => db.Measurements.AsNoTracking().SingleAsync(m => m.IndicatorId == indicatorId));
        Assert.Equal(48, measurement.Respondents);
        Assert.False(measurement.HasEvidence);

        // With a measurement, the indicator does not become a platform one (the measurement would be hidden).
        var edit = await admin.PostFormAsync($"{url}/edit", IndicatorForm(outcome, source: "Platform", measure: "Participants"));
        Assert.Contains("データの出所をプラットフォームに変えられません", await edit.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(IndicatorSource.Survey, await QueryAsync(db => db.Indicators.Where(i => i.Id == indicatorId).Select(i => i.Source).SingleAsync()));
    }

    [Fact]
    public async Task Frozen_evaluations_are_one_per_phase_compare_and_never_change_when_the_model_does()
    {
        var (admin, organizationId, modelId, output, _) = await ModelAsync("凍結する会");
        var indicatorId = IndicatorIdOf(await admin.PostFormAsync($"/impact/models/{modelId}/indicators/new", IndicatorForm(output, targets: [("2030-03-31", "80")])), modelId);
        var url = $"/impact/models/{modelId}/indicators/{indicatorId}";
        var today = ValueText.Day(JapanTime.Date(DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, new() { ["Record.Date"] = today, ["Record.Value"] = "45" })).StatusCode);
        // An impact map: 100,000 yen invested; 10 people × 50,000 yen for one year, no discounts, at 3.5 %:
        // present value 500,000 ÷ 1.035 = 483,091.79…, ratio 4.83….
        await QueryAsync(db =>
        {
            var map = new ImpactMap(modelId, DateTimeOffset.UtcNow);
            map.Investments.Add(new InvestmentItem("助成金", 100_000m, null, null));
            map.Outcomes.Add(new ImpactOutcome(map.Id, 1) { Stakeholder = "参加者", Name = "孤立の解消", Quantity = 10, Proxy = 50_000m });
            db.ImpactMaps.Add(map);
            return db.SaveChangesAsync();
        });

        var snapshots = $"/impact/models/{modelId}/snapshots";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(snapshots, new() { ["Phase"] = "Pre", ["Note"] = "開始時点" }, "Freeze")).StatusCode);
        var again = await admin.PostFormAsync(snapshots, new() { ["Phase"] = "Pre", ["Note"] = "二度目" }, "Freeze");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("事前評価はすでに凍結しています。", await again.HtmlAsync(), StringComparison.Ordinal);
        var pre = await QueryAsync(db => db.EvaluationSnapshots.AsNoTracking().SingleAsync(s => s.LogicModelId == modelId && s.Phase == EvaluationPhase.Pre));
        Assert.Equal("開始時点", pre.Note);
        var content = SnapshotContent.Read(pre.Content);
        var frozen = Assert.Single(content.Indicators);
        Assert.Equal(("講座の満足度", "講座の開催", "%", 40m, 45m), (frozen.Name, frozen.Element, frozen.Unit, frozen.Baseline!.Value, frozen.Actual!.Value));
        Assert.Equal(new IndicatorTarget(new DateOnly(2030, 3, 31), 80m), frozen.Target);
        Assert.Equal(100_000m, content.Sroi!.Investment);
        Assert.Equal(500_000m / 1.035m, content.Sroi.PresentValue);
        Assert.Equal(500_000m / 1.035m / 100_000m, content.Sroi.Ratio);

        // The model changes: the indicator renamed, a new measurement, the map's proxy doubled.
        var renamed = IndicatorForm(output, targets: [("2030-03-31", "90")]);
        renamed["Input.Name"] = "講座の満足度（改）";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{url}/edit", renamed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, new() { ["Record.Date"] = today, ["Record.Value"] = "58" })).StatusCode);
        await QueryAsync(async db =>
        {
            var mapId = await db.ImpactMaps.Where(m => m.LogicModelId == modelId).Select(m => m.Id).SingleAsync();
            var outcome = await db.ImpactOutcomes.SingleAsync(o => o.ImpactMapId == mapId);
            outcome.Proxy = 100_000m;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(pre.Content, await QueryAsync(db => db.EvaluationSnapshots.Where(s => s.Id == pre.Id).Select(s => s.Content).SingleAsync()));

        // The mid-evaluation takes the new figures; the comparison shows both and the change from the pre-evaluation.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(snapshots, new() { ["Phase"] = "Mid", ["Note"] = "" }, "Freeze")).StatusCode);
        var member = await MemberAsync(organizationId, MembershipRole.Member);
        var page = await member.PageAsync(snapshots);
        Assert.Contains("講座の満足度（改）", page, StringComparison.Ordinal);
        Assert.Contains("<td>45 %</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>58 %</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>+13 %</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>4.83</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>9.66</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Phase\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_staff_see_but_only_admins_change_and_other_organizations_get_404()
    {
        var (admin, organizationId, modelId, output, _) = await ModelAsync("見る会");
        var indicatorId = IndicatorIdOf(await admin.PostFormAsync($"/impact/models/{modelId}/indicators/new", IndicatorForm(output)), modelId);
        var url = $"/impact/models/{modelId}/indicators/{indicatorId}";
        var member = await MemberAsync(organizationId, MembershipRole.Member);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var (stranger, _) = await OpportunityData.OrgAdminAsync(app, "隣の見る会");

        foreach (var page in new[] { $"/impact/models/{modelId}/indicators", url, $"/impact/models/{modelId}/snapshots" })
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        }
        Assert.DoesNotContain("name=\"Record.Value\"", await member.PageAsync(url), StringComparison.Ordinal);
        foreach (var browser in new[] { member, coordinator })
        {
            AssertRefused(await browser.GetAsync(new Uri($"/impact/models/{modelId}/indicators/new", UriKind.Relative)));
            AssertRefused(await RecordAsync(browser, url, new() { ["Record.Date"] = "2026-10-01", ["Record.Value"] = "3" }));
            AssertRefused(await browser.PostAsync($"/impact/models/{modelId}/snapshots", "Freeze", new() { ["Phase"] = "Pre" }));
            AssertRefused(await browser.PostAsync($"{url}/edit", "Delete", new() { ["confirm"] = "true" }));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{url}/edit", "Delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicatorId)));
        Assert.Equal(0, await QueryAsync(db => db.EvaluationSnapshots.CountAsync(s => s.LogicModelId == modelId)));

        // The admin deletes it, once confirmed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{url}/edit", "Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"{url}/edit", "Delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.False(await QueryAsync(db => db.Indicators.AnyAsync(i => i.Id == indicatorId)));
    }
}
