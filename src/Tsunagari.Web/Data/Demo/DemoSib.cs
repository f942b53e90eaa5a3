using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Funds.Sib;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Data.Demo;

/// <summary>
/// A social impact bond for the demo, shaped like Kobe City's 2017 SIB for preventing the worsening of diabetic
/// nephropathy (糖尿病性腎症等重症化予防): a municipality pays a fixed payment and three outcome-linked payments — two
/// mid-term (programme completion, lifestyle improvement) and one final (the share whose kidney function, eGFR, does not
/// decline) — up to a cap of 3,406万円. Only the shape and the cap follow the published scheme; the split of the cap, the
/// thresholds, the investors and the results are made up for the demo and are not the real contract's. The mid-term
/// results are in and paid, and distributed to the investors; the final result is still to come. Idempotent: nothing is
/// added once the contract exists.
/// </summary>
public sealed class DemoSib(AppDbContext db, TimeProvider clock) : ISeed
{
    public const string Title = "糖尿病性腎症等の重症化予防SIB（神戸市2017年度の事業に倣ったデモ）";

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.SibContracts.AnyAsync(c => c.Title == Title)) return;
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (orgAdmin is null) return;
        var payer = await FirstAsync(orgAdmin.Value, OrganizationKind.Government, skip: 0);
        var provider = await FirstAsync(orgAdmin.Value, OrganizationKind.Npo, skip: 0);
        var intermediary = await FirstAsync(orgAdmin.Value, OrganizationKind.Npo, skip: 1);
        var evaluator = await FirstAsync(orgAdmin.Value, OrganizationKind.EducationalInstitution, skip: 0);
        var bank = await FirstAsync(orgAdmin.Value, OrganizationKind.RegionalFinancialInstitution, skip: 0);
        if (payer is null || provider is null || intermediary is null || evaluator is null || bank is null) return;

        var now = clock.GetUtcNow();
        var contract = new SibContract(new SibContractDetails(
            Title,
            "国民健康保険の加入者のうち、受診を中断した糖尿病性腎症の人に保健指導プログラムを届け、人工透析への移行を防ぐ。支払上限額と指標の形は神戸市の2017年度のSIBに倣っているが、金額の内訳・閾値・出資者・結果はデモ用の架空のもの。",
            payer.Value.Id, provider.Value.Id, intermediary.Value.Id, evaluator.Value.Id,
            new DateOnly(2017, 7, 1), new DateOnly(2020, 3, 31), 34_060_000m, 15_000_000m,
            [
                new(bank.Value.Id, bank.Value.Name, 10_000_000m),
                new(null, "個人投資家（3名）", 5_000_000m),
                new(null, "公益財団法人 みらい健康財団", 3_000_000m),
            ],
            [
                new("プログラム修了率", "%", new DateOnly(2018, 3, 31), SibRule.StepTable(new(60m, 1_000_000m), new(80m, 2_000_000m))),
                new("生活習慣改善率", "%", new DateOnly(2018, 9, 30), SibRule.StepTable(new(40m, 1_000_000m), new(60m, 2_000_000m))),
                new("腎機能低下抑制率（eGFRの低下が抑えられた人の割合）", "%", new DateOnly(2020, 3, 31), SibRule.Linear(50m, 90m, 15_060_000m)),
            ]), orgAdmin, now.AddDays(-30));
        Func<Guid, string> name = id => new[] { payer, provider, intermediary, evaluator, bank }.First(o => o!.Value.Id == id)!.Value.Name;
        contract.Conclude(now.AddDays(-29));
        db.SibContracts.Add(contract);
        db.LedgerEntries.AddRange(SibLedger.Investments(contract, name, now.AddDays(-29)));

        var outcomes = contract.Outcomes.OrderBy(o => o.Number).ToList();
        contract.RecordResult(outcomes[0], 85m, "プログラム参加者100人のうち85人が6か月の保健指導を修了（デモ）", orgAdmin.Value, now.AddDays(-20));
        contract.RecordResult(outcomes[1], 55m, "修了者の生活習慣アンケート（食事・運動・服薬）で改善した割合（デモ）", orgAdmin.Value, now.AddDays(-20));
        foreach (var (line, label, amount) in new[] { (0, "固定支払", 15_000_000m), (1, outcomes[0].Indicator, 2_000_000m), (2, outcomes[1].Indicator, 1_000_000m) })
        {
            var payment = contract.Approve(line, amount, orgAdmin.Value, now.AddDays(-10));
            db.LedgerEntries.AddRange(SibLedger.Payment(contract, payment, label, name));
        }
        foreach (var share in contract.Distribute(orgAdmin.Value, now.AddDays(-5)))
            db.LedgerEntries.AddRange(SibLedger.Distribution(contract, share, name));
        await db.SaveChangesAsync();
    }

    private async Task<(Guid Id, string Name)?> FirstAsync(Guid admin, OrganizationKind kind, int skip)
    {
        var found = await db.Organizations.AsNoTracking().Where(o => o.Kind == kind && o.Memberships.Any(m => m.AccountId == admin && m.Role == MembershipRole.Admin))
            .OrderBy(o => o.Name).Skip(skip).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync();
        return found is null ? null : (found.Id, found.Name);
    }
}
