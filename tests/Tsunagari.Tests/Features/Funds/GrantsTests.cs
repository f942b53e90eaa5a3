using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Funds.Grants;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Collaboration.Calls;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>
/// Funds and grant programmes over HTTP: a fund runs a call through applications, review, award, disbursement on the
/// ledger, reports and closing, with every refusal on the way; the dormant-deposit tier's evaluation budget and required
/// evaluations; the 360Giving export; who sees what.
/// </summary>
public sealed class GrantsTests(TestApp app) : IClassFixture<TestApp>
{
    private static DateOnly Today => JapanTime.Date(DateTimeOffset.UtcNow);

    private static string Day(DateOnly date) => YenInput.Date(date);

    /// <summary>Forbidden: a signed-in person is sent to the access-denied page.</summary>
    private static void Refused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    private static void Has(string expected, string actual) => Assert.Contains(expected, actual, StringComparison.Ordinal);

    private static Guid IdAfter(HttpResponseMessage response, string prefix, string? suffix = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        var id = location[prefix.Length..];
        if (suffix is not null) id = id[..^suffix.Length];
        return Guid.Parse(id);
    }

    private async Task<(HttpClient Browser, Guid Id, string Email)> PersonAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        return (browser, await CallData.AccountIdAsync(app, email), email);
    }

    private static Dictionary<string, string> ProgrammeForm(string budget = "1,000,000", string max = "400,000") => new()
    {
        ["Input.Title"] = "居場所づくり助成",
        ["Input.Description"] = "地域の居場所を支えます。",
        ["Input.Budget"] = budget,
        ["Input.MaxPerGrant"] = max,
        ["Input.OpensOn"] = Day(Today.AddDays(-1)),
        ["Input.ClosesOn"] = Day(Today.AddDays(30)),
        ["Input.Questions"] = "事業の目的\n実施体制",
        ["Input.Criteria"] = "効果\n実現性",
    };

    /// <summary>A fund of a new organization and an open programme of it (1,000,000 yen, 400,000 at most), made through the pages.</summary>
    private async Task<(HttpClient Holder, Guid FundId, Guid ProgrammeId)> OpenProgrammeAsync(string kind = nameof(FundKind.General), Dictionary<string, string>? programme = null)
    {
        var (holder, holderOrg) = await OpportunityData.OrgAdminAsync(app, "ちば市民基金");
        var fundId = IdAfter(await holder.PostFormAsync("/funds/new", new()
        {
            ["Input.OrganizationId"] = holderOrg.ToString(),
            ["Input.Kind"] = kind,
            ["Input.Name"] = "ちば市民基金",
            ["Input.Description"] = "市民の基金",
            ["Input.AcceptsDonations"] = "true",
        }), "/funds/");
        var programmeId = IdAfter(await holder.PostFormAsync($"/funds/{fundId}/programmes/new", programme ?? ProgrammeForm()), "/programmes/", "/manage");
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync($"/programmes/{programmeId}/manage", "Open")).StatusCode);
        return (holder, fundId, programmeId);
    }

    /// <summary>A submitted application by a new organization's admin asking for the amount given.</summary>
    private async Task<(HttpClient Applicant, Guid OrganizationId, Guid ApplicationId)> SubmittedAsync(Guid programmeId, string amount = "300,000")
    {
        var (applicant, organizationId) = await OpportunityData.OrgAdminAsync(app, "こども食堂の会");
        var applicationId = IdAfter(await applicant.PostFormAsync($"/programmes/{programmeId}/apply", new()
        {
            ["OrganizationId"] = organizationId.ToString(),
            ["Title"] = "みんなの食堂",
        }), "/applications/");
        var saved = await applicant.PostFormAsync($"/applications/{applicationId}", new()
        {
            ["Title"] = "みんなの食堂",
            ["Summary"] = "週1回の食堂を開きます。",
            ["RequestedAmount"] = amount,
            ["Answers[0]"] = "孤立を防ぐ",
            ["Answers[1]"] = "会員10人",
        }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync($"/applications/{applicationId}", "Submit")).StatusCode);
        return (applicant, organizationId, applicationId);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => await CallData.QueryAsync(app, query);

    private async Task FundAsync(Guid fundId, decimal amount)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.LedgerEntries.Add(Ledger.Receive(LedgerAccount.OfFund(fundId), LedgerEntryKind.Donation, amount, LedgerParty.Outside("寄附者"),
            new LedgerSource(Guid.NewGuid(), Today, DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_fund_runs_a_call_through_review_award_disbursement_reports_and_closing()
    {
        var (holder, fundId, programmeId) = await OpenProgrammeAsync();
        Has("居場所づくり助成", await (await app.CreateBrowser().GetAsync(new Uri("/programmes", UriKind.Relative))).HtmlAsync());
        Has($"/donate/fund/{fundId}", await (await app.CreateBrowser().GetAsync(new Uri($"/funds/{fundId}", UriKind.Relative))).HtmlAsync());

        // A draft: saved, seen by its organization, not by the fund before submission.
        var (applicant, organizationId) = await OpportunityData.OrgAdminAsync(app, "こども食堂の会");
        var applicationId = IdAfter(await applicant.PostFormAsync($"/programmes/{programmeId}/apply", new() { ["OrganizationId"] = organizationId.ToString(), ["Title"] = "みんなの食堂" }), "/applications/");
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).StatusCode);
        var tooMuch = await applicant.PostFormAsync($"/applications/{applicationId}", new() { ["Title"] = "みんなの食堂", ["Summary"] = "食堂", ["RequestedAmount"] = "500,000" }, "Save");
        Has("申請額は1件あたりの上限（400,000円）以下にしてください。", await tooMuch.HtmlAsync());
        var blank = await applicant.PostAsync($"/applications/{applicationId}", "Submit");
        var blankHtml = await blank.HtmlAsync();
        Has("事業の概要を書いてください。", blankHtml);
        Has("すべての質問に答えてください。", blankHtml);
        Assert.True(await QueryAsync(db => db.GrantApplications.AnyAsync(a => a.Id == applicationId && a.Status == GrantApplicationStatus.Draft)));

        var file = new ByteArrayContent("%PDF-1.4\n予算書"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using (var form = new MultipartFormDataContent { { new StringContent(await CallData.TokenAsync(applicant)), "__RequestVerificationToken" }, { file, "file", "budget.pdf" } })
            Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync(new Uri($"/applications/{applicationId}?handler=Upload", UriKind.Relative), form)).StatusCode);
        var fake = new ByteArrayContent("MZ not a pdf"u8.ToArray());
        using (var form = new MultipartFormDataContent { { new StringContent(await CallData.TokenAsync(applicant)), "__RequestVerificationToken" }, { fake, "file", "virus.pdf" } })
            Has("受け付けられるのは", await (await applicant.PostAsync(new Uri($"/applications/{applicationId}?handler=Upload", UriKind.Relative), form)).HtmlAsync());
        Assert.Equal(1, await QueryAsync(db => db.GrantAttachments.CountAsync(a => a.ApplicationId == applicationId)));

        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/applications/{applicationId}", new()
        {
            ["Title"] = "みんなの食堂",
            ["Summary"] = "週1回の食堂を開きます。",
            ["RequestedAmount"] = "３００，０００円",
            ["Answers[0]"] = "孤立を防ぐ",
            ["Answers[1]"] = "会員10人",
        }, "Save")).StatusCode);
        Assert.Equal(300_000m, await QueryAsync(db => db.GrantApplications.Where(a => a.Id == applicationId).Select(a => a.RequestedAmount).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync($"/applications/{applicationId}", "Submit")).StatusCode);
        Has("審査中", await (await applicant.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).HtmlAsync());
        Has("提出済みの応募は変更できません。", await (await applicant.PostAsync($"/applications/{applicationId}", "Save", new() { ["Title"] = "変更" })).HtmlAsync());

        // Review: the applicant's own member is refused; a conflicted reviewer gives no scores; another scores.
        var (ownSide, ownSideId, ownSideEmail) = await PersonAsync();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Memberships.Add(new Membership(organizationId, ownSideId, MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var (conflicted, _, conflictedEmail) = await PersonAsync();
        var (reviewer, reviewerId, reviewerEmail) = await PersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(new Uri($"/applications/{applicationId}/review", UriKind.Relative))).StatusCode);
        foreach (var email in new[] { ownSideEmail, conflictedEmail, reviewerEmail })
            Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync($"/programmes/{programmeId}/manage", "AddReviewer", new() { ["email"] = email })).StatusCode);
        Has("そのメールアドレスで登録した人が見つかりません。", await (await holder.PostAsync($"/programmes/{programmeId}/manage", "AddReviewer", new() { ["email"] = "nobody@example.jp" })).HtmlAsync());
        var refused = await ownSide.PostAsync($"/applications/{applicationId}/review", "", new() { ["Scores[0]"] = "5", ["Scores[1]"] = "5" });
        Has("応募した団体に所属しているため、この応募は審査できません。", await refused.HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await conflicted.PostFormAsync($"/applications/{applicationId}/review", new() { ["Conflict"] = "true", ["ConflictNote"] = "理事を兼ねています" })).StatusCode);
        Has("「実現性」を1〜5点で評価してください。", await (await reviewer.PostFormAsync($"/applications/{applicationId}/review", new() { ["Scores[0]"] = "4", ["Scores[1]"] = "9" })).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/applications/{applicationId}/review", new() { ["Scores[0]"] = "4", ["Scores[1]"] = "3", ["Comment"] = "良い計画" })).StatusCode);
        var reviews = await QueryAsync(db => db.GrantReviews.Where(r => r.ApplicationId == applicationId).ToListAsync());
        Assert.Equal(2, reviews.Count);
        Assert.True(reviews.Single(r => r.ReviewerId != reviewerId).ConflictDeclared);
        Assert.Equal([4, 3], reviews.Single(r => r.ReviewerId == reviewerId).Scores);
        Has("7.0", await (await holder.GetAsync(new Uri($"/programmes/{programmeId}/manage", UriKind.Relative))).HtmlAsync());

        // Award: over the largest grant and bad amounts refused; then awarded.
        var manage = $"/programmes/{programmeId}/manage";
        Has("助成額は1件あたりの上限（400,000円）以下にしてください。", await (await holder.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "400,001" })).HtmlAsync());
        Has("金額は1円以上にしてください。", await (await holder.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "-5" })).HtmlAsync());
        Has("金額は「10,000」のように数字で入力してください。", await (await holder.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "たくさん" })).HtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "300,000" })).StatusCode);
        var awardId = IdAfter(await holder.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "300,000", ["conditions"] = "年度末に報告" }), "/awards/");
        Assert.Equal(GrantApplicationStatus.Awarded, await QueryAsync(db => db.GrantApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        Has("結果が決まった応募は審査できません。", await (await reviewer.PostAsync($"/applications/{applicationId}/review", "", new() { ["Scores[0]"] = "1", ["Scores[1]"] = "1" })).HtmlAsync());

        // Disbursement: the schedule stays within the award; paying needs the money in the fund; one transfer on the ledger.
        var award = $"/awards/{awardId}";
        Has("交付額の合計が助成額（300,000円）を超えます。", await (await holder.PostAsync(award, "AddInstalment", new() { ["dueOn"] = Day(Today), ["amount"] = "300,001" })).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(award, "AddInstalment", new() { ["dueOn"] = Day(Today), ["amount"] = "200,000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(award, "AddInstalment", new() { ["dueOn"] = Day(Today.AddMonths(3)), ["amount"] = "100,000" })).StatusCode);
        var instalments = await QueryAsync(db => db.GrantInstalments.Where(i => i.AwardId == awardId).OrderBy(i => i.DueOn).Select(i => i.Id).ToListAsync());
        Refused(await applicant.PostAsync(award, "Pay", new() { ["instalmentId"] = instalments[0].ToString() }));
        Has("基金の残高（0円）が足りません。", await (await holder.PostAsync(award, "Pay", new() { ["instalmentId"] = instalments[0].ToString() })).HtmlAsync());
        await FundAsync(fundId, 250_000m);
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(award, "Pay", new() { ["instalmentId"] = instalments[0].ToString() })).StatusCode);
        Has("交付できるのは、まだ交付していない予定です。", await (await holder.PostAsync(award, "Pay", new() { ["instalmentId"] = instalments[0].ToString() })).HtmlAsync());
        var entries = await QueryAsync(db => db.LedgerEntries.Where(e => e.SourceId == instalments[0]).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(LedgerEntryKind.Grant, e.Kind));
        Assert.All(entries, e => Assert.Equal(awardId, e.ProjectId));
        Assert.Single(entries.Select(e => e.TransferId).Distinct());
        Assert.Equal((LedgerOwner.Fund, fundId, LedgerFlow.Out), entries.Where(e => e.Flow == LedgerFlow.Out).Select(e => (e.Owner, e.OwnerId, e.Flow)).Single());
        Assert.Equal((LedgerOwner.Organization, organizationId), entries.Where(e => e.Flow == LedgerFlow.In).Select(e => (e.Owner, e.OwnerId)).Single());
        Has("助成金の交付中", await (await applicant.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).HtmlAsync());

        // Closing waits for everything to be paid and the final report.
        var early = await (await holder.PostAsync(award, "Close", new() { ["confirm"] = "true" })).HtmlAsync();
        Has("助成額のすべて（300,000円）が交付されていません。交付済みは200,000円です。", early);
        Has("完了報告がまだ提出されていません。", early);
        await FundAsync(fundId, 50_000m);
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(award, "Pay", new() { ["instalmentId"] = instalments[1].ToString() })).StatusCode);
        Refused(await holder.PostAsync(award, "Report", new() { ["kind"] = "Final", ["text"] = "報告" }));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync(award, "Report", new() { ["kind"] = "Progress", ["text"] = "半分まで進みました", ["spent"] = "150,000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync(award, "Report", new() { ["kind"] = "Final", ["text"] = "100人が参加しました" })).StatusCode);
        Has("完了報告はすでに提出されています。", await (await applicant.PostAsync(award, "Report", new() { ["kind"] = "Final", ["text"] = "もう一度" })).HtmlAsync());
        Has("完了するには、確認のチェックを入れてください。", await (await holder.PostAsync(award, "Close")).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(award, "Close", new() { ["confirm"] = "true", ["note"] = "目標を達成" })).StatusCode);
        Has("完了", await (await applicant.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).HtmlAsync());
        Has("完了した助成は変更できません。", await (await holder.PostAsync(award, "AddInstalment", new() { ["dueOn"] = Day(Today), ["amount"] = "1" })).HtmlAsync());
        Assert.Equal(0m, await GrantsAccessBalanceAsync(fundId));

        // The 360Giving export names the award.
        var export = await app.CreateBrowser().GetFromJsonAsync<JsonElement>("/api/v1/funds/grants/360giving");
        var grant = export.GetProperty("grants").EnumerateArray().Single(g => g.GetProperty("identifier").GetString() == GrantsApi.GrantPrefix + awardId);
        Assert.Equal("JPY", grant.GetProperty("currency").GetString());
        Assert.Equal(300_000m, grant.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(Day(Today), grant.GetProperty("awardDate").GetString());
        Assert.Equal("こども食堂の会", grant.GetProperty("recipientOrganization")[0].GetProperty("name").GetString());
        Assert.Equal(GrantsApi.OrganizationPrefix + organizationId, grant.GetProperty("recipientOrganization")[0].GetProperty("id").GetString());
        Assert.Equal("ちば市民基金", grant.GetProperty("fundingOrganization")[0].GetProperty("name").GetString());
        Assert.Equal("週1回の食堂を開きます。", grant.GetProperty("description").GetString());
    }

    private Task<decimal> GrantsAccessBalanceAsync(Guid fundId) => QueryAsync(db => GrantsAccess.BalanceAsync(db, fundId, CancellationToken.None));

    [Fact]
    public async Task Awards_stay_within_the_budget_and_a_declined_applicant_sees_why()
    {
        var (holder, _, programmeId) = await OpenProgrammeAsync(programme: ProgrammeForm(budget: "500,000", max: "400,000"));
        var (_, _, first) = await SubmittedAsync(programmeId, "400,000");
        var (_, _, second) = await SubmittedAsync(programmeId, "200,000");
        var (declinedApplicant, _, third) = await SubmittedAsync(programmeId, "100,000");
        var manage = $"/programmes/{programmeId}/manage";
        IdAfter(await holder.PostAsync(manage, "Award", new() { ["applicationId"] = first.ToString(), ["amount"] = "400,000" }), "/awards/");
        Has("予算の総額（500,000円）を超えます。残りは100,000円です。", await (await holder.PostAsync(manage, "Award", new() { ["applicationId"] = second.ToString(), ["amount"] = "200,000" })).HtmlAsync());
        Assert.Equal(1, await QueryAsync(db => db.GrantAwards.CountAsync(a => a.ProgrammeId == programmeId)));
        Has("不採択の理由を", await (await holder.PostAsync(manage, "Decline", new() { ["applicationId"] = third.ToString() })).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync(manage, "Decline", new() { ["applicationId"] = third.ToString(), ["reason"] = "対象地域の外です" })).StatusCode);
        var html = await (await declinedApplicant.GetAsync(new Uri($"/applications/{third}", UriKind.Relative))).HtmlAsync();
        Has("不採択", html);
        Has("対象地域の外です", html);
        Has("助成を決められるのは、提出済みで結果が決まっていない応募です。", await (await holder.PostAsync(manage, "Award", new() { ["applicationId"] = third.ToString(), ["amount"] = "1" })).HtmlAsync());
    }

    [Fact]
    public async Task Eligibility_is_checked_before_submission_and_closed_calls_take_nothing()
    {
        var form = ProgrammeForm();
        form["Input.LegalForms"] = nameof(LegalForm.CertifiedNpoCorporation);
        var (holder, _, programmeId) = await OpenProgrammeAsync(programme: form);
        var (applicant, organizationId) = await OpportunityData.OrgAdminAsync(app, "まだ認定でない会");
        var applicationId = IdAfter(await applicant.PostFormAsync($"/programmes/{programmeId}/apply", new() { ["OrganizationId"] = organizationId.ToString(), ["Title"] = "事業" }), "/applications/");
        var page = await (await applicant.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).HtmlAsync();
        Has("満たしていない", page);
        await applicant.PostFormAsync($"/applications/{applicationId}", new() { ["Title"] = "事業", ["Summary"] = "概要", ["RequestedAmount"] = "1000", ["Answers[0]"] = "a", ["Answers[1]"] = "b" }, "Save");
        Has("応募の条件を満たしていないため、提出できません。", await (await applicant.PostAsync($"/applications/{applicationId}", "Submit")).HtmlAsync());

        // Someone else's organization cannot be named; a closed call takes no drafts.
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "別の会");
        Has("応募する団体は、あなたが管理者を務める団体から選んでください。",
            await (await other.PostFormAsync($"/programmes/{programmeId}/apply", new() { ["OrganizationId"] = organizationId.ToString(), ["Title"] = "横取り" })).HtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/applications/{applicationId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/programmes/{programmeId}/manage", UriKind.Relative))).StatusCode);
        Has("公募を締め切るには、確認のチェックを入れてください。", await (await holder.PostAsync($"/programmes/{programmeId}/manage", "Close")).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await holder.PostAsync($"/programmes/{programmeId}/manage", "Close", new() { ["confirm"] = "true" })).StatusCode);
        Has("このプログラムはいま応募を受け付けていません。",
            await (await other.PostAsync($"/programmes/{programmeId}/apply", "", new() { ["Title"] = "遅れて" })).HtmlAsync());

        // The same pages in English.
        var english = await (await applicant.GetAsync(new Uri($"/applications/{applicationId}?culture=en", UriKind.Relative))).HtmlAsync();
        Has("Eligibility check", english);
        Has("Not met", english);
        Has("The legal form is one the programme accepts", english);
        var call = await (await app.CreateBrowser("en").GetAsync(new Uri($"/programmes/{programmeId}", UriKind.Relative))).HtmlAsync();
        Has("Legal forms that may apply", call);
        Has("This programme is not taking applications now.", call);
    }

    [Fact]
    public async Task Fund_and_programme_forms_refuse_bad_input_with_messages_and_save_nothing()
    {
        var (holder, holderOrg) = await OpportunityData.OrgAdminAsync(app, "基金の会");
        var bad = await (await holder.PostFormAsync("/funds/new", new() { ["Input.OrganizationId"] = holderOrg.ToString(), ["Input.Kind"] = "Theme", ["Input.Name"] = "" })).HtmlAsync();
        Has("基金の名前を入力してください。", bad);
        Has("テーマ基金では、支える活動分野を1つ以上選んでください。", bad);
        var (resident, _, _) = await PersonAsync();
        Refused(await resident.PostFormAsync("/funds/new", new() { ["Input.Kind"] = "General", ["Input.Name"] = "x" }));
        Assert.False(await QueryAsync(db => db.Funds.AnyAsync(f => f.HolderOrganizationId == holderOrg)));

        var fundId = IdAfter(await holder.PostFormAsync("/funds/new", new() { ["Input.OrganizationId"] = holderOrg.ToString(), ["Input.Kind"] = "General", ["Input.Name"] = "基金" }), "/funds/");
        Refused(await resident.GetAsync(new Uri($"/funds/{fundId}/edit", UriKind.Relative)));
        Refused(await resident.GetAsync(new Uri($"/funds/{fundId}/programmes/new", UriKind.Relative)));
        var form = ProgrammeForm(budget: "1,000", max: "2,000");
        form["Input.ClosesOn"] = "明日";
        form["Input.Criteria"] = "";
        var html = await (await holder.PostFormAsync($"/funds/{fundId}/programmes/new", form)).HtmlAsync();
        Has("1件あたりの上限は、予算の総額以下にしてください。", html);
        Has("締切日を日付（例：2027-05-31）で入力してください。", html);
        Has("審査の評価項目を1つ以上入力してください。", html);
        Has("金額は1円単位で入力してください。", await (await holder.PostFormAsync($"/funds/{fundId}/programmes/new", ProgrammeForm(budget: "1000.5"))).HtmlAsync());
        Has("金額は1兆円以下にしてください。", await (await holder.PostFormAsync($"/funds/{fundId}/programmes/new", ProgrammeForm(budget: "1,000,000,000,001"))).HtmlAsync());
        Assert.False(await QueryAsync(db => db.GrantProgrammes.AnyAsync(p => p.FundId == fundId)));

        // A draft programme is not public.
        var programmeId = IdAfter(await holder.PostFormAsync($"/funds/{fundId}/programmes/new", ProgrammeForm()), "/programmes/", "/manage");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(new Uri($"/programmes/{programmeId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(new Uri($"/programmes/{programmeId}/apply", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync(new Uri($"/programmes/{programmeId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_dormant_deposit_tier_keeps_evaluation_within_its_budget_and_requires_each_evaluation()
    {
        var form = ProgrammeForm(budget: "10,000,000", max: "3,000,000");
        form["Input.EvaluationPercent"] = "5";
        var (distributor, fundId, programmeId) = await OpenProgrammeAsync(nameof(FundKind.DormantDeposit), form);
        var manage = $"/programmes/{programmeId}/manage";
        Assert.Equal(HttpStatusCode.Redirect, (await distributor.PostAsync(manage, "RecordFunding", new() { ["from"] = "指定活用団体", ["amount"] = "10,000,000", ["receivedOn"] = Day(Today) })).StatusCode);
        var received = await QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.OwnerId == fundId && e.Kind == LedgerEntryKind.ExternalGrant));
        Assert.Equal((LedgerFlow.In, 10_000_000m), (received.Flow, received.Amount));
        Assert.Equal(HttpStatusCode.Redirect, (await distributor.PostAsync(manage, "RecordCost", new() { ["paidTo"] = "評価者", ["purpose"] = "事前評価", ["amount"] = "400,000", ["paidOn"] = Day(Today) })).StatusCode);
        Has("評価費の予算（500,000円）を超えます。残りは100,000円です。",
            await (await distributor.PostAsync(manage, "RecordCost", new() { ["paidTo"] = "評価者", ["purpose"] = "中間評価", ["amount"] = "100,001", ["paidOn"] = Day(Today) })).HtmlAsync());
        Assert.Equal(400_000m, (await QueryAsync(db => db.LedgerEntries.Where(e => e.OwnerId == fundId && e.Kind == LedgerEntryKind.EvaluationCost).Select(e => e.Amount).ToListAsync())).Sum());

        var (implementer, organizationId, applicationId) = await SubmittedAsync(programmeId, "2,000,000");
        var awardId = IdAfter(await distributor.PostAsync(manage, "Award", new() { ["applicationId"] = applicationId.ToString(), ["amount"] = "2,000,000" }), "/awards/");
        var award = $"/awards/{awardId}";
        Assert.Equal(HttpStatusCode.Redirect, (await distributor.PostAsync(award, "AddInstalment", new() { ["dueOn"] = Day(Today), ["amount"] = "2,000,000" })).StatusCode);
        var instalment = await QueryAsync(db => db.GrantInstalments.Where(i => i.AwardId == awardId).Select(i => i.Id).SingleAsync());
        Has("事前評価が済むまで交付できません", await (await distributor.PostAsync(award, "Pay", new() { ["instalmentId"] = instalment.ToString() })).HtmlAsync());

        // The implementing organization links its logic model; its pre-evaluation opens the payment; closing needs all three.
        Guid modelId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
            var model = new LogicModel(organizationId, "居場所のロジックモデル", Today.AddMonths(-1), Today.AddMonths(11), founder, DateTimeOffset.UtcNow);
            db.LogicModels.Add(model);
            await db.SaveChangesAsync();
            modelId = model.Id;
        }
        Has("ロジックモデルは、団体のものから選んでください。", await (await implementer.PostAsync(award, "LinkModel", new() { ["logicModelId"] = Guid.NewGuid().ToString() })).HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await implementer.PostAsync(award, "LinkModel", new() { ["logicModelId"] = modelId.ToString() })).StatusCode);
        await SnapshotAsync(modelId, EvaluationPhase.Pre);
        Assert.Equal(HttpStatusCode.Redirect, (await distributor.PostAsync(award, "Pay", new() { ["instalmentId"] = instalment.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await implementer.PostAsync(award, "Report", new() { ["kind"] = "Final", ["text"] = "完了しました" })).StatusCode);
        var closing = await (await distributor.PostAsync(award, "Close", new() { ["confirm"] = "true" })).HtmlAsync();
        Has("中間評価がまだ済んでいません。", closing);
        Has("事後評価がまだ済んでいません。", closing);
        await SnapshotAsync(modelId, EvaluationPhase.Mid);
        await SnapshotAsync(modelId, EvaluationPhase.Post);
        Assert.Equal(HttpStatusCode.Redirect, (await distributor.PostAsync(award, "Close", new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(10_000_000m - 400_000m - 2_000_000m, await GrantsAccessBalanceAsync(fundId));
    }

    private async Task SnapshotAsync(Guid modelId, EvaluationPhase phase)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var by = await db.Users.Select(u => u.Id).FirstAsync();
        db.EvaluationSnapshots.Add(new EvaluationSnapshot(modelId, phase, "", "{}", by, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void The_evaluation_budget_is_the_share_rounded_down_and_stages_follow_the_award()
    {
        Assert.Equal(500_000m, EvaluationBudget.Of(10_000_000m, 5m));
        Assert.Equal(33m, EvaluationBudget.Of(999m, 3.4m));
        Assert.True(EvaluationBudget.Allows(10_000_000m, 5m, 400_000m, 100_000m));
        Assert.False(EvaluationBudget.Allows(10_000_000m, 5m, 400_000m, 100_001m));
        var application = new GrantApplication(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "事業", DateTimeOffset.UtcNow);
        Assert.Equal(GrantStage.Draft, GrantStages.Of(application, null, 0, 0));
        application.Submit(DateTimeOffset.UtcNow);
        Assert.Equal(GrantStage.UnderReview, GrantStages.Of(application, null, 0, 0));
        application.Award(DateTimeOffset.UtcNow);
        var award = new GrantAward(application, Guid.NewGuid(), 100m, "", Today, Guid.NewGuid());
        Assert.Equal(GrantStage.Awarded, GrantStages.Of(application, award, 2, 0));
        Assert.Equal(GrantStage.Disbursing, GrantStages.Of(application, award, 2, 1));
        Assert.Equal(GrantStage.Reporting, GrantStages.Of(application, award, 2, 2));
        award.Close("", DateTimeOffset.UtcNow);
        Assert.Equal(GrantStage.Closed, GrantStages.Of(application, award, 2, 2));
    }
}
