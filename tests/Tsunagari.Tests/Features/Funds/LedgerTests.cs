using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Funds;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>
/// The one ledger: its invariants hold after any sequence of operations, on whichever database the run uses; the
/// organization's statement values time at the configured rates; the public summary counts money once and never names
/// a person.
/// </summary>
public sealed class LedgerTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    [Fact]
    public async Task Random_operations_keep_every_transfer_two_sided_and_every_balance_the_sum_of_its_entries()
    {
        var (_, first) = await OpportunityData.OrgAdminAsync(app, "台帳の会1");
        var (_, second) = await OpportunityData.OrgAdminAsync(app, "台帳の会2");
        var funds = new List<Fund> { new(first, FundKind.General, "台帳の基金1", DateTimeOffset.UtcNow), new(second, FundKind.Theme, "台帳の基金2", DateTimeOffset.UtcNow) };
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Funds.AddRange(funds);
            await db.SaveChangesAsync();
        }
        LedgerAccount[] accounts = [LedgerAccount.OfOrganization(first), LedgerAccount.OfOrganization(second), funds[0].Account, funds[1].Account];
        var expected = accounts.ToDictionary(a => a, _ => 0m);
        var random = new Random(9);
        var transfers = 0;

        for (var batch = 0; batch < 20; batch++)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 10; i++)
            {
                var amount = (decimal)random.NextInt64(1, 5_000_000_000);
                var account = accounts[random.Next(accounts.Length)];
                var source = new LedgerSource(Guid.NewGuid(), Today.AddDays(-random.Next(0, 400)), DateTimeOffset.UtcNow, "ランダム");
                switch (random.Next(3))
                {
                    case 0:
                        db.LedgerEntries.Add(Ledger.Receive(account, LedgerEntryKind.Donation, amount, LedgerParty.Person(null, "匿名"), source));
                        expected[account] += amount;
                        break;
                    case 1:
                        db.LedgerEntries.Add(Ledger.Pay(account, LedgerEntryKind.SibDistribution, amount, LedgerParty.Outside("出資者"), source));
                        expected[account] -= amount;
                        break;
                    default:
                        var to = accounts.Where(a => a != account).ElementAt(random.Next(accounts.Length - 1));
                        var (moneyOut, moneyIn) = Ledger.Transfer(account, LedgerParty.Outside("出し手"), to, LedgerParty.Outside("受け手"), LedgerEntryKind.Grant, amount, source);
                        db.LedgerEntries.AddRange(moneyOut, moneyIn);
                        expected[account] -= amount;
                        expected[to] += amount;
                        transfers++;
                        break;
                }
            }
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = accounts.Select(a => a.OwnerId).ToList();
            var entries = await db.LedgerEntries.AsNoTracking().Where(e => ids.Contains(e.OwnerId)).ToListAsync();
            foreach (var account in accounts)
                Assert.Equal(expected[account], entries.Where(e => e.Account == account).Sum(e => e.BalanceChange));
            var pairs = entries.Where(e => e.TransferId != null).GroupBy(e => e.TransferId).ToList();
            Assert.Equal(transfers, pairs.Count);
            Assert.All(pairs, pair =>
            {
                Assert.Equal(2, pair.Count());
                Assert.Single(pair, e => e.Flow == LedgerFlow.In);
                Assert.Equal(pair.First().Amount, pair.Last().Amount);
                Assert.NotEqual(pair.First().Account, pair.Last().Account);
            });
            // Money only moves between the accounts by transfers: they add nothing to the platform's total.
            Assert.Equal(0m, entries.Where(e => e.TransferId != null).Sum(e => e.BalanceChange));
            Assert.Equal(expected.Values.Sum(), entries.Sum(e => e.BalanceChange));
        }
    }

    [Fact]
    public async Task One_source_cannot_be_recorded_twice_and_the_failed_save_records_nothing()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "二重記録の会");
        var account = LedgerAccount.OfOrganization(organizationId);
        var source = new LedgerSource(Guid.NewGuid(), Today, DateTimeOffset.UtcNow, "一度だけ");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.LedgerEntries.Add(Ledger.Receive(account, LedgerEntryKind.Donation, 10_000, LedgerParty.Person(null, "匿名"), source));
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.LedgerEntries.Add(Ledger.Receive(account, LedgerEntryKind.Donation, 3_000, LedgerParty.Person(null, "匿名"), new LedgerSource(Guid.NewGuid(), Today, DateTimeOffset.UtcNow)));
            db.LedgerEntries.Add(Ledger.Receive(account, LedgerEntryKind.Donation, 10_000, LedgerParty.Person(null, "匿名"), source));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var amounts = await db.LedgerEntries.Where(e => e.OwnerId == organizationId).Select(e => e.Amount).ToListAsync();
            Assert.Equal([10_000m], amounts);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Ledger.Receive(account, LedgerEntryKind.Donation, -1, LedgerParty.Outside("x"), source));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ledger.Receive(account, LedgerEntryKind.Donation, 0.5m, LedgerParty.Outside("x"), source));
        Assert.Throws<ArgumentException>(() => Ledger.Transfer(account, LedgerParty.Outside("x"), account, LedgerParty.Outside("x"), LedgerEntryKind.Grant, 1, source));
    }

    /// <summary>
    /// This fiscal year the organization received a 50,000 yen grant from a fund (for a project) and a 20,000 yen
    /// donation, paid 5,000 yen out, got an in-kind gift worth 8,000 yen and 3 approved volunteer hours. At the test
    /// deployment's 1,140 yen an hour the hours are worth 3,420 yen: community support 50,000 + 20,000 + 8,000 + 3,420 = 81,420.
    /// </summary>
    [Fact]
    public async Task The_statement_adds_money_in_kind_gifts_and_valued_hours_and_staff_reading_it_is_audited()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "明細の会");
        var fund = new Fund(organizationId, FundKind.Regional, "明細の基金", DateTimeOffset.UtcNow);
        var year = Today.Month >= 4 ? Today.Year : Today.Year - 1;
        var inYear = new DateOnly(year, 4, 1);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync();
            db.Funds.Add(fund);
            var account = LedgerAccount.OfOrganization(organizationId);
            var grant = Source(inYear, new LedgerProject(Guid.NewGuid(), "子ども食堂の拡充"));
            var (moneyOut, moneyIn) = Ledger.Transfer(fund.Account, LedgerParty.Fund(fund.Id, fund.Name), account, LedgerParty.Organization(organizationId, "明細の会"), LedgerEntryKind.Grant, 50_000, grant);
            db.LedgerEntries.AddRange(moneyOut, moneyIn,
                Ledger.Receive(account, LedgerEntryKind.Donation, 20_000, LedgerParty.Person(founder, "寄附した山田さん"), Source(inYear)),
                Ledger.Pay(account, LedgerEntryKind.EvaluationCost, 5_000, LedgerParty.Outside("評価の専門家"), Source(inYear)),
                Ledger.Receive(account, LedgerEntryKind.InKindGift, 8_000, LedgerParty.Outside("地元の八百屋"), Source(inYear), isMoney: false),
                Ledger.Receive(account, LedgerEntryKind.Donation, 999_999, LedgerParty.Outside("去年の寄附"), Source(inYear.AddDays(-1))));
            db.HoursReports.Add(new HoursReport(founder, organizationId, inYear, 3, "配膳", [], DateTimeOffset.UtcNow) { Status = HoursReportStatus.Approved });
            await db.SaveChangesAsync();
        }

        var page = await admin.GetStringAsync($"/organizations/{organizationId}/ledger?year={year}");
        Assert.Contains("¥81,420", page, StringComparison.Ordinal);
        Assert.Contains("3時間（¥3,420相当）", page, StringComparison.Ordinal);
        Assert.Contains("寄附した山田さん", page, StringComparison.Ordinal);
        Assert.Contains("子ども食堂の拡充", page, StringComparison.Ordinal);
        Assert.DoesNotContain("去年の寄附", page, StringComparison.Ordinal);
        // Every year: the balance includes last year's donation (50,000 + 20,000 − 5,000 + 999,999).
        Assert.Contains("¥1,064,999", await admin.GetStringAsync($"/organizations/{organizationId}/ledger"), StringComparison.Ordinal);
        // The fund's side of the grant, for the holder's members.
        Assert.Contains("¥50,000", await admin.GetStringAsync($"/funds/{fund.Id}/ledger?year={year}"), StringComparison.Ordinal);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/organizations/{organizationId}/ledger")).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditTrail.Actions.ViewPersonalData && a.Detail.Contains(organizationId.ToString())));
        }
        var (outsider, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/organizations/{organizationId}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/funds/{fund.Id}/ledger")).StatusCode);

        // The public summary: the flow from the fund to the organization to the project, the person as an aggregate only.
        var summary = await app.CreateClient().GetStringAsync($"/community-support?year={year}");
        Assert.Contains("明細の基金", summary, StringComparison.Ordinal);
        Assert.Contains("子ども食堂の拡充", summary, StringComparison.Ordinal);
        Assert.Contains("個人からの寄附", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("寄附した山田さん", summary, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"money-flow\"", summary, StringComparison.Ordinal);
        var english = await app.CreateClient().GetStringAsync($"/community-support?year={year}&culture=en");
        Assert.Contains("Total community support", english, StringComparison.Ordinal);
        Assert.Contains("Donations from individuals", english, StringComparison.Ordinal);
    }

    private static LedgerSource Source(DateOnly on, LedgerProject? project = null) => new(Guid.NewGuid(), on, DateTimeOffset.UtcNow, "", project);
}
