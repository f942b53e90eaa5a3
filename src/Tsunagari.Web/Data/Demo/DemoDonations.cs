using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Funds.Donations;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Donations for the demo: one of the demo admin's NPOs (a 認定NPO法人 when it has one) takes transfers and issues
/// receipts, runs a campaign, and the demo resident gives to it once and monthly (two instalments received with receipts,
/// this month's still expected); an anonymous transfer waits to be reconciled; cash and an in-kind gift were recorded.
/// Idempotent: nothing is added once that organization has donation settings.
/// </summary>
public sealed class DemoDonations(AppDbContext db, ConfirmDonation confirm, TimeProvider clock) : ISeed
{
    public bool IsDemo => true;

    public async Task RunAsync()
    {
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        var resident = await db.Users.Where(u => u.Email == DemoParticipation.DemoResidentEmail).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync();
        if (orgAdmin is null || resident is null) return;
        var npos = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Npo && o.Memberships.Any(m => m.AccountId == orgAdmin && m.Role == MembershipRole.Admin))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.LegalForm }).ToListAsync();
        var npo = npos.FirstOrDefault(o => o.LegalForm == LegalForm.CertifiedNpoCorporation) ?? npos.FirstOrDefault();
        if (npo is null || await db.DonationSettings.AnyAsync(s => s.OrganizationId == npo.Id)) return;

        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var issuer = npo.LegalForm switch
        {
            LegalForm.CertifiedNpoCorporation => ReceiptIssuerKind.CertifiedNpo,
            LegalForm.NpoCorporation => ReceiptIssuerKind.ProvisionallyCertifiedNpo,
            _ => ReceiptIssuerKind.OtherQualifying,
        };
        db.DonationSettings.Add(new DonationSettings(npo.Id, now)
        {
            BankName = "ちば中央銀行",
            BranchName = "県庁前支店",
            AccountType = BankAccountType.Ordinary,
            AccountNumber = "1234567",
            AccountHolder = "トクヒ）ツナガリ",
            ReceiptIssuer = issuer,
            CertificationNumber = "千葉県指令県生第1234号",
            CertifiedOn = today.AddYears(-3),
            CertificationEndsOn = today.AddYears(2),
            IssuerAddress = "千葉県千葉市中央区市場町1-1",
            Representative = "理事長 千葉 花子",
        });
        var campaign = new Campaign(npo.Id, "子ども食堂の冷蔵庫を新しくする", orgAdmin.Value, now.AddMonths(-3))
        {
            Description = "毎週の子ども食堂で使う業務用冷蔵庫が古くなりました。新しい冷蔵庫と、夏の食材の保冷に使います。",
            GoalAmount = 300_000m,
            GoalPeople = 30,
            EndsOn = today.AddMonths(2),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        var toCampaign = new DonationDestination(DonationTarget.Campaign, npo.Id, campaign.Id, null);
        var address = "千葉県船橋市本町2-2";
        var once = Donation.ByTransfer(toCampaign, new DonorDetails(resident.Id, resident.DisplayName, address, "", false, true), 10_000m, "31415926", now.AddMonths(-2));
        db.Donations.Add(once);
        await db.SaveChangesAsync();
        await confirm.RunAsync(once, today.AddMonths(-2).AddDays(3), orgAdmin.Value, "DEMO-0001", default);

        var plan = new DonationPlan(toCampaign, new DonorDetails(resident.Id, resident.DisplayName, address, "食材の保冷に", false, true), 3_000m, "27182818", today.AddMonths(-2), now.AddMonths(-2));
        db.DonationPlans.Add(plan);
        var instalments = plan.DueMonths(today).Select(month => Donation.Instalment(plan, month, now)).ToList();
        db.Donations.AddRange(instalments);
        await db.SaveChangesAsync();
        foreach (var (instalment, i) in instalments.SkipLast(1).Select((d, i) => (d, i)))
            await confirm.RunAsync(instalment, instalment.InstalmentMonth!.Value.AddDays(26), orgAdmin.Value, $"DEMO-01{i:00}", default);

        db.Donations.Add(Donation.ByTransfer(toCampaign, new DonorDetails(null, "", "", "", true, false), 5_000m, "16180339", now.AddDays(-2)));
        var toNpo = new DonationDestination(DonationTarget.Organization, npo.Id, null, null);
        foreach (var gift in new[]
        {
            Donation.InHand(toNpo, new DonorDetails(null, "", "", "", true, true), 2_000m, "", today.AddDays(-10), orgAdmin.Value, now),
            Donation.InHand(toNpo, new DonorDetails(null, "市場町商店会", "", "子ども食堂に", false, true), 12_000m, "米 30kg", today.AddDays(-5), orgAdmin.Value, now),
        })
        {
            db.Donations.Add(gift);
            await confirm.RecordAsync(gift, now, default);
        }
        await db.SaveChangesAsync();
    }
}
