using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// Giving to an organization, a campaign or a fund, once or monthly, by bank transfer: the donation is recorded as expected
/// and the donor is shown the account and the reference; it counts only once the organization confirms the money.
/// Each personal field says what it is for (APPI): the name and address only for the receipt and, with consent, the organization.
/// </summary>
[Authorize]
public sealed class DonateModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, IEnumerable<IPaymentMethod> methods) : PageModel
{
    public sealed class DonateInput
    {
        public string? Frequency { get; set; }
        public string? Amount { get; set; }
        public string? Designation { get; set; }
        public bool Anonymous { get; set; }
        public bool NameShownToOrganization { get; set; }
        public bool WantsReceipt { get; set; }
        public string? DonorName { get; set; }
        public string? DonorAddress { get; set; }
    }

    [BindProperty]
    public DonateInput Input { get; set; } = new() { Frequency = "once" };

    public DonationDestinations.Found Found { get; private set; } = null!;
    public DonationSettings? Settings { get; private set; }
    public bool IssuesReceipts { get; private set; }
    /// <summary>The built-in online method; a plug-in processor would be offered beside it.</summary>
    public IPaymentMethod Transfer => methods.Single(m => m.Method == DonationMethod.BankTransfer);

    public bool TakesDonations => Found.Open && Transfer.IsOffered(Settings);

    public async Task<IActionResult> OnGetAsync(string target, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(target, id, cancellationToken) is { } refused) return refused;
        Input.DonorName = await db.Users.Where(u => u.Id == DonationsAccess.AccountId(User)).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string target, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(target, id, cancellationToken) is { } refused) return refused;
        if (!TakesDonations) return Page();
        var errors = new List<(string Key, string Message)>();
        var monthly = Input.Frequency == "monthly";
        if (Input.Frequency is not ("once" or "monthly")) errors.Add((nameof(Input.Frequency), l["一回か毎月かを選んでください。"]));
        var amount = YenText.Parse(Input.Amount, nameof(Input.Amount), "金額", l, errors);
        var designation = FormText.Check(Input.Designation, nameof(Input.Designation), "使いみちの指定", Donation.MaxDesignationLength, l, errors, required: false);
        var needsName = Input.WantsReceipt || !Input.Anonymous || Input.NameShownToOrganization;
        var name = FormText.Check(Input.DonorName, nameof(Input.DonorName), "お名前", Donation.MaxNameLength, l, errors, required: needsName);
        var address = FormText.Check(Input.DonorAddress, nameof(Input.DonorAddress), "ご住所", Donation.MaxAddressLength, l, errors, required: Input.WantsReceipt && IssuesReceipts);
        if (errors.Count > 0 || amount is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError("Input." + key, message);
            return Page();
        }
        var donor = new DonorDetails(DonationsAccess.AccountId(User), needsName ? name : "", Input.WantsReceipt ? address : "", designation, Input.Anonymous, Input.NameShownToOrganization);
        var now = clock.GetUtcNow();
        var reference = await DonationReferences.NewAsync(db, cancellationToken);
        Donation donation;
        if (monthly)
        {
            var plan = new DonationPlan(Found.Destination, donor, amount.Value, reference, JapanTime.Date(now), now);
            db.DonationPlans.Add(plan);
            donation = Donation.Instalment(plan, plan.DueMonths(JapanTime.Date(now))[0], now);
        }
        else donation = Donation.ByTransfer(Found.Destination, donor, amount.Value, reference, now);
        db.Donations.Add(donation);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(Transfer.NextUrl(donation));
    }

    private async Task<IActionResult?> LoadAsync(string target, Guid id, CancellationToken cancellationToken)
    {
        if (await DonationDestinations.FindAsync(db, target, id, JapanTime.Date(clock.GetUtcNow()), cancellationToken) is not { } found) return NotFound();
        Found = found;
        Settings = await db.DonationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == found.Destination.OrganizationId, cancellationToken);
        IssuesReceipts = Settings is { } s && s.IssuesReceiptsFor(JapanTime.Date(clock.GetUtcNow()));
        return null;
    }
}
