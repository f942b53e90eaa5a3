using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// An organization's donations, for its admins: transfers still expected (reconciled one by one or from a bank CSV, each
/// reconciled once only), cash and in-kind gifts recorded in hand, what was received (the donor's name only with their
/// consent), its campaigns and the funds it holds.
/// </summary>
[Authorize]
public sealed class OrganizationDonationsModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, ConfirmDonation confirm,
    ReconcileStatement reconcile) : PageModel
{
    public const string MessageKey = "OrganizationDonationsMessage";
    public const int MaxCsvBytes = 1024 * 1024;

    public sealed class RecordInput
    {
        public string? Amount { get; set; }
        public string? ReceivedOn { get; set; }
        public string? DonorName { get; set; }
        public string? DonorAddress { get; set; }
        public string? InKind { get; set; }
        public string? Designation { get; set; }
        public Guid? CampaignId { get; set; }
        public bool Anonymous { get; set; }
    }

    [BindProperty]
    public RecordInput Record { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Donation> Expected { get; private set; } = [];
    public IReadOnlyList<(Donation Donation, string? Receipt)> Received { get; private set; } = [];
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Funds { get; private set; } = [];
    public IReadOnlyList<ReconcileStatement.Outcome>? Outcomes { get; private set; }
    public bool TakesTransfers { get; private set; }
    public decimal ReceivedThisYear { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The donor's name as this organization may see it: with consent, else 「匿名」.</summary>
    public string DonorShown(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return donation.NameShownToOrganization && donation.DonorName.Length > 0 ? donation.DonorName : l[DonationsText.Anonymous];
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Reconciles one expected transfer by hand: the day the money arrived, and optionally the bank's transaction id.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid donationId, string? receivedOn, string? transactionId, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        if (await db.Donations.SingleOrDefaultAsync(d => d.Id == donationId && d.OrganizationId == id, cancellationToken) is not { } donation) return NotFound();
        var on = ParseDate(receivedOn);
        var txn = transactionId?.Trim() ?? "";
        if (on is null) ModelState.AddModelError($"confirm-{donationId}", l["入金日は「2027-03-31」の形で入力してください。"]);
        else if (on > JapanTime.Date(clock.GetUtcNow())) ModelState.AddModelError($"confirm-{donationId}", l["入金日に未来の日付は入力できません。"]);
        else if (txn.Length > Donation.MaxTransactionIdLength) ModelState.AddModelError($"confirm-{donationId}", l["取引番号が長すぎます。"]);
        else if (txn.Length > 0 && await db.Donations.AnyAsync(d => d.OrganizationId == id && d.BankTransactionId == txn, cancellationToken))
            ModelState.AddModelError($"confirm-{donationId}", l["この取引は照合済みです"]);
        else if (await confirm.RunAsync(donation, on.Value, DonationsAccess.AccountId(User), txn, cancellationToken) is { } problem)
            ModelState.AddModelError($"confirm-{donationId}", problem == DonationProblem.AlreadyReceived ? l["この寄附は照合済みです。"] : l["この寄附は取りやめになっています。"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "入金を確認しました。";
        return RedirectToPage();
    }

    /// <summary>Imports a bank statement (CSV, see <see cref="BankStatement"/>) and shows row by row what matched.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? statement, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var parsed = await ReadAsync(statement, cancellationToken);
        if (parsed is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var today = JapanTime.Date(clock.GetUtcNow());
        await DonationInstalments.MakeDueAsync(db, db.DonationPlans.Where(p => p.OrganizationId == id), today, clock.GetUtcNow(), cancellationToken);
        var outcomes = await reconcile.RunAsync(id, [.. parsed.Value.Rows], DonationsAccess.AccountId(User), cancellationToken);
        outcomes.AddRange(parsed.Value.Bad.Select(b => new ReconcileStatement.Outcome(b.Line, null, null, "", null, b.Problem, null)));
        Outcomes = outcomes.OrderBy(o => o.Line).ToList();
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Cash or an in-kind gift the organization has in hand: recorded as received at once, on the ledger.</summary>
    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var amount = YenText.Parse(Record.Amount, nameof(Record.Amount), "金額（現物は評価額）", l, errors);
        var on = ParseDate(Record.ReceivedOn);
        if (on is null) errors.Add((nameof(Record.ReceivedOn), l["受領日は「2027-03-31」の形で入力してください。"]));
        else if (on > JapanTime.Date(clock.GetUtcNow())) errors.Add((nameof(Record.ReceivedOn), l["受領日に未来の日付は入力できません。"]));
        var name = FormText.Check(Record.DonorName, nameof(Record.DonorName), "寄附者の名前", Donation.MaxNameLength, l, errors, required: false);
        var address = FormText.Check(Record.DonorAddress, nameof(Record.DonorAddress), "寄附者の住所", Donation.MaxAddressLength, l, errors, required: false);
        var inKind = FormText.Check(Record.InKind, nameof(Record.InKind), "現物の内容", Donation.MaxDesignationLength, l, errors, required: false);
        var designation = FormText.Check(Record.Designation, nameof(Record.Designation), "使いみちの指定", Donation.MaxDesignationLength, l, errors, required: false);
        var campaign = Record.CampaignId is { } campaignId ? await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId && c.OrganizationId == id, cancellationToken) : null;
        if (Record.CampaignId is not null && campaign is null) errors.Add((nameof(Record.CampaignId), l["キャンペーンは団体のものから選んでください。"]));
        if (errors.Count > 0 || amount is null || on is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError("Record." + key, message);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var to = campaign is null ? new DonationDestination(DonationTarget.Organization, id, null, null) : new DonationDestination(DonationTarget.Campaign, id, campaign.Id, campaign.FundId);
        var donor = new DonorDetails(null, name, address, designation, Record.Anonymous || name.Length == 0, true);
        var now = clock.GetUtcNow();
        var donation = Donation.InHand(to, donor, amount.Value, inKind, on.Value, DonationsAccess.AccountId(User), now);
        db.Donations.Add(donation);
        await confirm.RecordAsync(donation, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = inKind.Length > 0 ? "現物寄附を記録しました。" : "現金の寄附を記録しました。";
        return RedirectToPage();
    }

    private async Task<(List<BankStatement.Row> Rows, List<(int Line, string Problem)> Bad)?> ReadAsync(IFormFile? statement, CancellationToken cancellationToken)
    {
        if (statement is null || statement.Length == 0)
        {
            ModelState.AddModelError("statement", l["取り込むCSVファイルを選んでください。"]);
            return null;
        }
        if (statement.Length > MaxCsvBytes)
        {
            ModelState.AddModelError("statement", l["CSVファイルは1MB以内にしてください。"]);
            return null;
        }
        using var reader = new StreamReader(statement.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("statement", l["CSVファイルはUTF-8で保存してください。"]);
            return null;
        }
        if (BankStatement.Parse(text) is not { } parsed)
        {
            ModelState.AddModelError("statement", l["1行目に列名（date, amount, payer）が必要です。"]);
            return null;
        }
        return parsed;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null;

    private async Task<IActionResult?> AdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, forbidden) = await DonationsAccess.AdminOfAsync(db, User, id, cancellationToken);
        if (organization is null) return forbidden ? Forbid() : NotFound();
        Organization = organization;
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Organization.Id;
        var today = JapanTime.Date(clock.GetUtcNow());
        await DonationInstalments.MakeDueAsync(db, db.DonationPlans.Where(p => p.OrganizationId == id), today, clock.GetUtcNow(), cancellationToken);
        Expected = await db.Donations.AsNoTracking().Where(d => d.OrganizationId == id && d.Status == DonationStatus.Expected)
            .OrderBy(d => d.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var received = await db.Donations.AsNoTracking().Where(d => d.OrganizationId == id && d.Status == DonationStatus.Received)
            .OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.ConfirmedAt).Take(500).ToListAsync(cancellationToken);
        var ids = received.Select(d => d.Id).ToList();
        var receipts = await db.DonationReceipts.AsNoTracking().Where(r => ids.Contains(r.DonationId)).Select(r => new { r.DonationId, r.Year, r.Sequence }).ToListAsync(cancellationToken);
        Received = received.Select(d => (d, receipts.FirstOrDefault(r => r.DonationId == d.Id) is { } r ? $"{r.Year}-{r.Sequence:0000}" : null)).ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        ReceivedThisYear = (await db.Donations.AsNoTracking().Where(d => d.OrganizationId == id && d.Status == DonationStatus.Received && d.ReceivedOn >= yearStart)
            .Select(d => d.Amount).ToListAsync(cancellationToken)).Sum();
        Campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OrganizationId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        Funds = (await db.Funds.AsNoTracking().Where(f => f.HolderOrganizationId == id).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, f.Name)).ToList();
        TakesTransfers = await db.DonationSettings.AsNoTracking().AnyAsync(s => s.OrganizationId == id && s.BankName != "" && s.AccountNumber != "" && s.AccountHolder != "", cancellationToken);
    }
}
