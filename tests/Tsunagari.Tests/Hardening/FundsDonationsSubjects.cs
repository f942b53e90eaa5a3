using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Funds;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// What the donation routes are asked about: the subject organization takes transfers and issues receipts, has a campaign;
/// a donor who is none of the matrix's actors gave once (received, with a receipt), promised a transfer still expected,
/// and gives monthly.
/// </summary>
public sealed record FundsDonationsSubjects(Guid Campaign, Guid Expected, Guid Plan, Guid Receipt)
{
    public static async Task<FundsDonationsSubjects> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (donor, _) = await app.CreateAccountAsync($"donor-{Guid.NewGuid():N}@example.jp", Roles.Resident);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var settings = new DonationSettings(organizationId, now)
        {
            BankName = "表銀行",
            BranchName = "本店",
            AccountNumber = "1234567",
            AccountHolder = "オモテノカイ",
            ReceiptIssuer = ReceiptIssuerKind.OtherQualifying,
            CertificationNumber = "表第1号",
            IssuerAddress = "千葉市",
        };
        db.DonationSettings.Add(settings);
        var campaign = new Campaign(organizationId, "表のキャンペーン", founder, now) { GoalAmount = 100_000m };
        db.Campaigns.Add(campaign);
        var to = new DonationDestination(DonationTarget.Organization, organizationId, null, null);
        var details = new DonorDetails(donor.Id, "表の寄附者", "千葉市", "", false, true);
        var received = Donation.ByTransfer(to, details, 1_000m, Reference(), now);
        received.Confirm(today, founder, null, now);
        var receipt = new DonationReceipt(received, "表の会", settings, 1, "団体の活動全般", now);
        var expected = Donation.ByTransfer(to, details, 2_000m, Reference(), now);
        var plan = new DonationPlan(to, details, 3_000m, Reference(), today, now);
        db.AddRange(received, receipt, expected, plan);
        db.Donations.Add(Donation.Instalment(plan, plan.DueMonths(today)[0], now));
        await db.SaveChangesAsync();
        return new(campaign.Id, expected.Id, plan.Id, receipt.Id);
    }

    /// <summary>A new reference each time: the world is made once per test in the same database.</summary>
    private static string Reference() => Random.Shared.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
