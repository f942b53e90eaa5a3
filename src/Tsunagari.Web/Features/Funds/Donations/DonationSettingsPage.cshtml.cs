using System.Globalization;
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

/// <summary>An organization's admins set the account donors transfer to and, if it qualifies, the details its receipts carry.</summary>
[Authorize]
public sealed class DonationSettingsPageModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class SettingsInput
    {
        public string? BankName { get; set; }
        public string? BranchName { get; set; }
        public string? AccountType { get; set; }
        public string? AccountNumber { get; set; }
        public string? AccountHolder { get; set; }
        public string? ReceiptIssuer { get; set; }
        public string? CertificationNumber { get; set; }
        public string? CertifiedOn { get; set; }
        public string? CertificationEndsOn { get; set; }
        public string? IssuerAddress { get; set; }
        public string? Representative { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var s = await db.DonationSettings.AsNoTracking().SingleOrDefaultAsync(x => x.OrganizationId == id, cancellationToken) ?? new DonationSettings(id, clock.GetUtcNow());
        Input = new SettingsInput
        {
            BankName = s.BankName,
            BranchName = s.BranchName,
            AccountType = s.AccountType.ToString(),
            AccountNumber = s.AccountNumber,
            AccountHolder = s.AccountHolder,
            ReceiptIssuer = s.ReceiptIssuer.ToString(),
            CertificationNumber = s.CertificationNumber,
            IssuerAddress = s.IssuerAddress,
            Representative = s.Representative,
            CertifiedOn = s.CertifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CertificationEndsOn = s.CertificationEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        string Text(string? value, string key, string label, bool required = false) => FormText.Check(value, key, label, DonationSettings.MaxTextLength, l, errors, required);
        var bank = Text(Input.BankName, nameof(Input.BankName), "金融機関名");
        var branch = Text(Input.BranchName, nameof(Input.BranchName), "支店名", bank.Length > 0);
        var number = Text(Input.AccountNumber, nameof(Input.AccountNumber), "口座番号", bank.Length > 0).Normalize(System.Text.NormalizationForm.FormKC);
        if (number.Length > 0 && (number.Length != 7 || !number.All(char.IsAsciiDigit))) errors.Add((nameof(Input.AccountNumber), l["口座番号は7桁の数字で入力してください。"]));
        var holder = Text(Input.AccountHolder, nameof(Input.AccountHolder), "口座名義", bank.Length > 0);
        if (!Enum.TryParse<BankAccountType>(Input.AccountType, out var accountType) || !Enum.IsDefined(accountType)) accountType = BankAccountType.Ordinary;
        if (!Enum.TryParse<ReceiptIssuerKind>(Input.ReceiptIssuer, out var issuer) || !Enum.IsDefined(issuer))
        {
            errors.Add((nameof(Input.ReceiptIssuer), l["受領証明書の発行者の区分を選んでください。"]));
            issuer = ReceiptIssuerKind.None;
        }
        var issues = issuer != ReceiptIssuerKind.None;
        if (issues && !DonationSettings.Fits(issuer, Organization.LegalForm))
            errors.Add((nameof(Input.ReceiptIssuer), l["この区分は団体の法人格と合いません。団体の情報の法人格を確かめてください。"]));
        var certification = Text(Input.CertificationNumber, nameof(Input.CertificationNumber), "認定番号等", issues);
        var address = Text(Input.IssuerAddress, nameof(Input.IssuerAddress), "所在地", issues);
        var representative = Text(Input.Representative, nameof(Input.Representative), "代表者");
        var certifiedOn = Date(Input.CertifiedOn, nameof(Input.CertifiedOn), errors);
        var endsOn = Date(Input.CertificationEndsOn, nameof(Input.CertificationEndsOn), errors);
        if (certifiedOn is { } from && endsOn is { } to && to < from) errors.Add((nameof(Input.CertificationEndsOn), l["有効期限は認定日より後にしてください。"]));
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError("Input." + key, message);
            return Page();
        }
        var now = clock.GetUtcNow();
        var settings = await db.DonationSettings.SingleOrDefaultAsync(x => x.OrganizationId == id, cancellationToken);
        if (settings is null) db.DonationSettings.Add(settings = new DonationSettings(id, now));
        (settings.BankName, settings.BranchName, settings.AccountType, settings.AccountNumber, settings.AccountHolder) = (bank, branch, accountType, number, holder);
        (settings.ReceiptIssuer, settings.CertificationNumber, settings.CertifiedOn, settings.CertificationEndsOn, settings.IssuerAddress, settings.Representative) =
            (issuer, certification, certifiedOn, endsOn, address, representative);
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        TempData[OrganizationDonationsModel.MessageKey] = "寄附の設定を保存しました。";
        return Redirect($"/organizations/{id}/donations");
    }

    private DateOnly? Date(string? text, string key, List<(string Key, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)) return on;
        errors.Add((key, l["日付は「2027-03-31」の形で入力してください。"]));
        return null;
    }

    private async Task<IActionResult?> AdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, forbidden) = await DonationsAccess.AdminOfAsync(db, User, id, cancellationToken);
        if (organization is null) return forbidden ? Forbid() : NotFound();
        Organization = organization;
        return null;
    }
}
