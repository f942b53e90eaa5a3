using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Funds.Donations;
using Tsunagari.Features.Organizations;
using Tsunagari.Resources;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>
/// Donations end to end over HTTP: an organization sets its account and receipt details, starts a campaign; a donor gives
/// once and monthly by transfer; the organization reconciles by hand and by bank CSV (never twice); the receipt is
/// printable and reissued with its mark; monthly plans change, pause, resume and stop; cash and in-kind gifts; the
/// ledger; bad amounts and every refusal with nothing saved.
/// </summary>
public sealed class DonationsTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => Collaboration.Pilots.PilotData.QueryAsync(app, query);

    /// <summary>An organization taking transfers and issuing receipts (as a qualifying organization of any legal form), and its admin.</summary>
    private async Task<(HttpClient Admin, Guid OrganizationId)> OrganizationAsync(bool receipts = true)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "寄附を受ける会");
        var response = await admin.PostFormAsync($"/organizations/{organizationId}/donations/settings", new()
        {
            ["Input.BankName"] = "ちば銀行",
            ["Input.BranchName"] = "本店",
            ["Input.AccountType"] = "Ordinary",
            ["Input.AccountNumber"] = "１２３４５６７",
            ["Input.AccountHolder"] = "ツナガリノカイ",
            ["Input.ReceiptIssuer"] = receipts ? "OtherQualifying" : "None",
            ["Input.CertificationNumber"] = receipts ? "千葉県指令第1号" : "",
            ["Input.IssuerAddress"] = receipts ? "千葉市中央区1-1" : "",
            ["Input.CertifiedOn"] = "2020-04-01",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.HtmlAsync());
        return (admin, organizationId);
    }

    private async Task<(HttpClient Browser, Guid AccountId)> DonorAsync()
    {
        var email = $"donor-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        return (browser, await QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
    }

    private static Dictionary<string, string> Gift(string amount, string frequency = "once", bool anonymous = false, bool receipt = true) => new()
    {
        ["Input.Frequency"] = frequency,
        ["Input.Amount"] = amount,
        ["Input.Designation"] = "",
        ["Input.Anonymous"] = anonymous ? "true" : "false",
        ["Input.NameShownToOrganization"] = "true",
        ["Input.WantsReceipt"] = receipt ? "true" : "false",
        ["Input.DonorName"] = "千葉 太郎",
        ["Input.DonorAddress"] = "千葉県船橋市本町1-1",
    };

    private static async Task<Guid> GiveAsync(HttpClient donor, string target, Guid id, Dictionary<string, string> gift)
    {
        var response = await donor.PostFormAsync($"/donate/{target}/{id}", gift);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.HtmlAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/me/donations/".Length..]);
    }

    private Task<Donation> DonationAsync(Guid id) => QueryAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.Id == id));

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient admin, Guid organizationId, Guid donationId, string? on = null, string transactionId = "") =>
        admin.PostFormAsync($"/organizations/{organizationId}/donations", new() { ["donationId"] = donationId.ToString(), ["receivedOn"] = on ?? Today, ["transactionId"] = transactionId }, "Confirm");

    private static async Task<string> ImportAsync(HttpClient admin, Guid organizationId, string csv)
    {
        var page = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/donations", UriKind.Relative))).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" }, { file, "statement", "statement.csv" } };
        var response = await admin.PostAsync(new Uri($"/organizations/{organizationId}/donations?handler=Import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>Forbidden: sent to the access-denied page.</summary>
    private static async Task RefusedAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_donor_gives_once_to_a_campaign_the_organization_reconciles_and_the_receipt_prints_and_reissues_with_its_mark()
    {
        var (admin, organizationId) = await OrganizationAsync();
        var created = await admin.PostFormAsync("/campaigns/new", new()
        {
            ["Input.OrganizationId"] = organizationId.ToString(),
            ["Input.Title"] = "冷蔵庫を新しくする",
            ["Input.GoalAmount"] = "100,000",
            ["Input.GoalPeople"] = "",
            ["Input.EndsOn"] = "",
            ["Input.Description"] = "子ども食堂の冷蔵庫",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var campaignId = Guid.Parse(created.Headers.Location!.OriginalString["/campaigns/".Length..]);

        var (donor, donorId) = await DonorAsync();
        var donationId = await GiveAsync(donor, "campaign", campaignId, Gift("１０，０００円"));
        var donation = await DonationAsync(donationId);
        Assert.Equal((10_000m, DonationStatus.Expected, campaignId, donorId), (donation.Amount, donation.Status, donation.CampaignId, donation.DonorId));
        var instructions = await (await donor.GetAsync(new Uri($"/me/donations/{donationId}", UriKind.Relative))).HtmlAsync();
        Assert.Contains(donation.Reference, instructions, StringComparison.Ordinal);
        Assert.Contains("1234567", instructions, StringComparison.Ordinal);
        Assert.Contains("ツナガリノカイ", instructions, StringComparison.Ordinal);
        // Promised money is not progress, nor on the ledger.
        Assert.Contains("0円（目標 100,000円）", await (await admin.GetAsync(new Uri($"/campaigns/{campaignId}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.LedgerEntries.AnyAsync(e => e.SourceId == donationId)));

        var future = await ConfirmAsync(admin, organizationId, donationId, on: "2999-01-01");
        Assert.Contains("入金日に未来の日付は入力できません。", await future.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, organizationId, donationId)).StatusCode);
        var twice = await ConfirmAsync(admin, organizationId, donationId);
        Assert.Contains("この寄附は照合済みです。", await twice.HtmlAsync(), StringComparison.Ordinal);

        var entry = await QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceId == donationId));
        Assert.Equal((LedgerOwner.Organization, organizationId, LedgerEntryKind.Donation, LedgerFlow.In, 10_000m, true), (entry.Owner, entry.OwnerId, entry.Kind, entry.Flow, entry.Amount, entry.IsMoney));
        Assert.Equal((campaignId, "千葉 太郎"), (entry.ProjectId, entry.CounterpartyName));
        Assert.Contains("10,000円（目標 100,000円）", await (await admin.GetAsync(new Uri($"/campaigns/{campaignId}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var receipt = await QueryAsync(db => db.DonationReceipts.AsNoTracking().SingleAsync(r => r.DonationId == donationId));
        Assert.Equal((1, "千葉 太郎", "千葉県船橋市本町1-1", 10_000m, "冷蔵庫を新しくする", "千葉県指令第1号"),
            (receipt.Sequence, receipt.DonorName, receipt.DonorAddress, receipt.Amount, receipt.Purpose, receipt.CertificationNumber));
        var printed = await (await donor.GetAsync(new Uri($"/me/receipts/{receipt.Id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("寄附金受領証明書", printed, StringComparison.Ordinal);
        Assert.Contains(receipt.Number, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("reissue-mark", printed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await donor.PostFormAsync($"/me/receipts/{receipt.Id}", [], "Reissue")).StatusCode);
        var reissued = await (await donor.GetAsync(new Uri($"/me/receipts/{receipt.Id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("reissue-mark", reissued, StringComparison.Ordinal);
        Assert.Contains(receipt.Number, reissued, StringComparison.Ordinal);
        var summary = await (await donor.GetAsync(new Uri($"/me/receipts/summary/{receipt.Year}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("10,000円", summary, StringComparison.Ordinal);

        foreach (var (browser, url, text) in new[] { (donor, "/campaigns", "冷蔵庫を新しくする"), (donor, "/me/receipts", receipt.Number), (donor, "/me/donations", donation.Reference),
            (admin, "/campaigns/new", "キャンペーンをつくる"), (admin, $"/campaigns/{campaignId}/edit", "冷蔵庫を新しくする"), (admin, $"/organizations/{organizationId}/donations", receipt.Number) })
        {
            var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            Assert.Contains(text, await response.HtmlAsync(), StringComparison.Ordinal);
        }

        // The donor's export holds the donation and the receipt; erasure keeps the receipt's copy without the account.
        await using (var scope = app.Scope())
        {
            var part = scope.ServiceProvider.GetServices<IPersonalData>().Single(p => p.Section == "donations");
            var exported = System.Text.Json.JsonSerializer.Serialize(await part.ExportAsync(donorId, default));
            Assert.Contains(donation.Reference, exported, StringComparison.Ordinal);
            Assert.Contains(receipt.Id.ToString(), exported, StringComparison.Ordinal);
        }

        // Nobody else sees the donor's pages or the receipt; the receipt has no way to be edited.
        var (stranger, _) = await DonorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/me/receipts/{receipt.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/me/donations/{donationId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/organizations/{organizationId}/donations", UriKind.Relative))).StatusCode);
        await RefusedAsync(stranger, $"/campaigns/{campaignId}/edit");
        Assert.DoesNotContain(typeof(DonationReceipt).GetProperties(), p => p.SetMethod?.IsPublic == true);
    }

    [Fact]
    public async Task A_monthly_donation_makes_this_months_instalment_and_changes_pauses_resumes_and_stops_only_with_confirmation()
    {
        var (_, organizationId) = await OrganizationAsync(receipts: false);
        var (donor, _) = await DonorAsync();
        var first = await GiveAsync(donor, "organization", organizationId, Gift("3000", "monthly", anonymous: true, receipt: false));
        var instalment = await DonationAsync(first);
        var planId = instalment.PlanId!.Value;
        Assert.Equal(DonationPlan.MonthOf(DateOnly.Parse(Today, CultureInfo.InvariantCulture)), instalment.InstalmentMonth);
        Assert.Equal("", instalment.DonorAddress);
        var page = await (await donor.GetAsync(new Uri("/me/donations", UriKind.Relative))).HtmlAsync();
        Assert.Contains("継続中", page, StringComparison.Ordinal);
        // Showing the page again makes no second instalment for the month.
        Assert.Equal(1, await QueryAsync(db => db.Donations.CountAsync(d => d.PlanId == planId)));

        var bad = await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString(), ["amount"] = "-5" }, "ChangeAmount");
        Assert.Contains("毎月の金額は1円以上にしてください。", await bad.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString(), ["amount"] = "5,000" }, "ChangeAmount")).StatusCode);
        Assert.Equal(5_000m, (await DonationAsync(first)).Amount);
        Assert.Equal(HttpStatusCode.Redirect, (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString() }, "Pause")).StatusCode);
        Assert.Equal(DonationPlanStatus.Paused, await QueryAsync(db => db.DonationPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
        Assert.Contains("いまの状態ではその操作はできません。", await (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString() }, "Pause")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString() }, "Resume")).StatusCode);

        // Someone else's plan is not found; stopping needs the ticked confirmation.
        var (stranger, _) = await DonorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString(), ["confirmStop"] = "true" }, "Stop")).StatusCode);
        Assert.Contains("停止するには、確認の欄にチェックを入れてください。", await (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString() }, "Stop")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(DonationPlanStatus.Active, await QueryAsync(db => db.DonationPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await donor.PostFormAsync("/me/donations", new() { ["planId"] = planId.ToString(), ["confirmStop"] = "true" }, "Stop")).StatusCode);
        Assert.Equal(DonationPlanStatus.Stopped, await QueryAsync(db => db.DonationPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(DonationStatus.Cancelled, (await DonationAsync(first)).Status);

        // Erasure: the plan loses the donor and stays stopped.
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetServices<IPersonalData>().Single(p => p.Section == "donations").EraseAsync(instalment.DonorId!.Value, default);
        Assert.Null(await QueryAsync(db => db.DonationPlans.Where(p => p.Id == planId).Select(p => p.DonorId).SingleAsync()));
        Assert.Equal("", (await DonationAsync(first)).DonorName);
    }

    [Fact]
    public void Plans_make_one_instalment_a_month_skip_paused_months_and_stop()
    {
        var to = new DonationDestination(DonationTarget.Organization, Guid.NewGuid(), null, null);
        var donor = new DonorDetails(Guid.NewGuid(), "a", "", "", false, false);
        var plan = new DonationPlan(to, donor, 1_000m, "12345678", new DateOnly(2026, 1, 20), DateTimeOffset.UtcNow);
        Assert.Equal([new DateOnly(2026, 1, 1)], plan.DueMonths(new DateOnly(2026, 1, 31)));
        Assert.Empty(plan.DueMonths(new DateOnly(2026, 1, 31)));
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], plan.DueMonths(new DateOnly(2026, 3, 2)));
        Assert.True(plan.Pause(DateTimeOffset.UtcNow));
        Assert.Empty(plan.DueMonths(new DateOnly(2026, 5, 1)));
        Assert.True(plan.Resume(new DateOnly(2026, 6, 10), DateTimeOffset.UtcNow));
        Assert.Equal([new DateOnly(2026, 6, 1)], plan.DueMonths(new DateOnly(2026, 6, 10)));
        Assert.True(plan.Stop(DateTimeOffset.UtcNow));
        Assert.Empty(plan.DueMonths(new DateOnly(2027, 1, 1)));
        Assert.False(plan.Resume(new DateOnly(2027, 1, 1), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_bank_csv_reconciles_by_reference_shows_each_row_and_never_reconciles_a_transfer_twice()
    {
        var (admin, organizationId) = await OrganizationAsync();
        var (donor, _) = await DonorAsync();
        var one = await DonationAsync(await GiveAsync(donor, "organization", organizationId, Gift("5,000")));
        var two = await DonationAsync(await GiveAsync(donor, "organization", organizationId, Gift("8000", anonymous: true)));
        var csv = $"""
            取引日,金額,振込依頼人名,摘要,取引番号
            2026/01/05,"5,000",{one.Reference} チバタロウ,,T-1
            2026-01-06,7000,{two.Reference} チバタロウ,,T-2
            2026-01-07,1000,ヤマダ,,T-3
            2026-13-01,1000,ヤマダ,,T-4
            """;
        var html = await ImportAsync(admin, organizationId, csv);
        Assert.Contains("4行中1行を照合しました", html, StringComparison.Ordinal);
        Assert.Contains("金額が寄附の申込みと違います", html, StringComparison.Ordinal);
        Assert.Contains("照合番号が見つかりません", html, StringComparison.Ordinal);
        Assert.Contains("日付が読めません", html, StringComparison.Ordinal);
        Assert.Equal((DonationStatus.Received, new DateOnly(2026, 1, 5), "T-1"), ((await DonationAsync(one.Id)).Status, (await DonationAsync(one.Id)).ReceivedOn, (await DonationAsync(one.Id)).BankTransactionId));
        Assert.Equal(DonationStatus.Expected, (await DonationAsync(two.Id)).Status);

        var again = await ImportAsync(admin, organizationId, csv.Replace("7000", "8000", StringComparison.Ordinal));
        Assert.Contains("この取引は照合済みです", again, StringComparison.Ordinal);
        Assert.Contains("4行中1行を照合しました", again, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.LedgerEntries.CountAsync(e => e.SourceId == one.Id)));
        var anonymous = await QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceId == two.Id));
        Assert.Equal(("匿名", (Guid?)null), (anonymous.CounterpartyName, anonymous.CounterpartyId));
        Assert.Equal(2, await QueryAsync(db => db.DonationReceipts.CountAsync(r => r.OrganizationId == organizationId)));
        Assert.Equal([1, 2], await QueryAsync(db => db.DonationReceipts.Where(r => r.OrganizationId == organizationId).OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync()));

        Assert.Contains("1行目に列名（date, amount, payer）が必要です。", await ImportAsync(admin, organizationId, "a,b\n1,2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organization_records_cash_and_in_kind_gifts_on_its_ledger_and_bad_amounts_are_refused_with_nothing_saved()
    {
        var (admin, organizationId) = await OrganizationAsync();
        var record = new Dictionary<string, string> { ["Record.Amount"] = "12,000", ["Record.ReceivedOn"] = Today, ["Record.InKind"] = "米 30kg", ["Record.DonorName"] = "商店会" };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/organizations/{organizationId}/donations", record, "Record")).StatusCode);
        var gift = await QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.OwnerId == organizationId && e.Kind == LedgerEntryKind.InKindGift));
        Assert.Equal((12_000m, false, "米 30kg"), (gift.Amount, gift.IsMoney, gift.Description));

        var (donor, _) = await DonorAsync();
        foreach (var (amount, message) in new[]
        {
            ("abc", "金額は「10,000」のように数字で入力してください。"), ("-5", "金額は1円以上にしてください。"), ("0", "金額は1円以上にしてください。"),
            ("1.5", "金額は1円単位で入力してください。"), ("2000000000000", "金額は1兆円以下にしてください。"), ("", "金額を入力してください。"),
        })
        {
            var response = await donor.PostFormAsync($"/donate/organization/{organizationId}", Gift(amount));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.HtmlAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("千葉県船橋市本町1-1", html, StringComparison.Ordinal);
        }
        var noAddress = Gift("1000");
        noAddress["Input.DonorAddress"] = "";
        Assert.Contains("ご住所を入力してください。", await (await donor.PostFormAsync($"/donate/organization/{organizationId}", noAddress)).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Donations.CountAsync(d => d.OrganizationId == organizationId && d.DonorId != null)));
        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync(new Uri($"/donate/nothing/{organizationId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync(new Uri($"/donate/campaign/{organizationId}", UriKind.Relative))).StatusCode);

        // A member of the organization is refused its donations page; an organization without an account takes no gifts.
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, email);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Memberships.Add(new Membership(organizationId, await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await RefusedAsync(member, $"/organizations/{organizationId}/donations");
        var (_, plain) = await OpportunityData.OrgAdminAsync(app, "口座のない会");
        var closed = await donor.PostFormAsync($"/donate/organization/{plain}", Gift("1000"));
        Assert.Contains("振込先の口座を登録していない", await closed.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Donations.CountAsync(d => d.OrganizationId == plain)));
    }

    [Fact]
    public async Task The_demo_seeds_a_campaign_with_a_monthly_donor_receipts_an_expected_transfer_and_gifts_in_hand_once()
    {
        var (orgAdmin, _) = await app.CreateAccountAsync("orgadmin@example.jp", Roles.Resident);
        var (resident, _) = await app.CreateAccountAsync(Tsunagari.Data.Demo.DemoParticipation.DemoResidentEmail, Roles.Resident);
        Guid npo;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = new Organization(OpportunityData.Profile("NPO法人 デモの会"), orgAdmin.Id, DateTimeOffset.UtcNow);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            npo = organization.Id;
        }
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Scope();
            await ActivatorUtilities.CreateInstance<Tsunagari.Data.Demo.DemoDonations>(scope.ServiceProvider).RunAsync();
        }
        Assert.Equal(1, await QueryAsync(db => db.Campaigns.CountAsync(c => c.OrganizationId == npo)));
        Assert.Equal(1, await QueryAsync(db => db.DonationPlans.CountAsync(p => p.DonorId == resident.Id)));
        Assert.Equal(1, await QueryAsync(db => db.Donations.CountAsync(d => d.OrganizationId == npo && d.Status == DonationStatus.Expected && d.DonorId == null)));
        Assert.Equal(5, await QueryAsync(db => db.LedgerEntries.CountAsync(e => e.OwnerId == npo)));
        Assert.Equal(3, await QueryAsync(db => db.DonationReceipts.CountAsync(r => r.OrganizationId == npo)));
    }

    [Fact]
    public async Task A_donation_to_a_fund_is_reconciled_by_its_holder_and_lands_on_the_funds_ledger()
    {
        var (admin, organizationId) = await OrganizationAsync();
        var fund = new Fund(organizationId, FundKind.Theme, "子ども基金", DateTimeOffset.UtcNow);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
        }
        var (donor, _) = await DonorAsync();
        var donationId = await GiveAsync(donor, "fund", fund.Id, Gift("20,000"));
        Assert.Equal((organizationId, (Guid?)fund.Id), ((await DonationAsync(donationId)).OrganizationId, (await DonationAsync(donationId)).FundId));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, organizationId, donationId)).StatusCode);
        var entry = await QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceId == donationId));
        Assert.Equal((LedgerOwner.Fund, fund.Id, 20_000m), (entry.Owner, entry.OwnerId, entry.Amount));
        Assert.Equal("子ども基金", await QueryAsync(db => db.DonationReceipts.Where(r => r.DonationId == donationId).Select(r => r.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task Amounts_parse_as_people_type_them_and_read_in_english()
    {
        using var scope = app.Scope();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var (text, expected) in new[] { ("10,000", 10_000m), ("１０，０００円", 10_000m), ("￥3,000", 3_000m), (" 500 ", 500m) })
        {
            var errors = new List<(string, string)>();
            Assert.Equal(expected, YenText.Parse(text, "k", "金額", l, errors));
            Assert.Empty(errors);
        }
        Assert.Equal("12345678", DonationReferences.Find("１２３４５６７８ ヤマダ"));
        Assert.Null(DonationReferences.Find("123456789 ヤマダ"));

        var (admin, organizationId) = await OrganizationAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var html = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/donations?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Reconcile with a bank CSV", html, StringComparison.Ordinal);
        Assert.Contains("Record cash or an in-kind gift", html, StringComparison.Ordinal);
    }
}
