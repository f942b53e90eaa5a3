using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class TwoFactorModel(UserManager<Account> users, SignInManager<Account> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }
    public bool IsStaff { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IEnumerable<string>? NewRecoveryCodes { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "確認コードは6桁の数字です。")]
        [Display(Name = "確認コード")]
        public string Code { get; set; } = "";
    }

    public async Task OnGetAsync() => await LoadAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var account = await CurrentAsync();
        if (ModelState.IsValid)
        {
            var code = Input.Code.Replace(" ", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(account, true);
                NewRecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
                // The code just proved the second factor: this session now counts as a two-factor sign-in.
                await signIn.SignInWithClaimsAsync(account, isPersistent: false,
                    [new Claim(StaffTwoFactorRequirement.MfaClaim, StaffTwoFactorRequirement.MfaValue)]);
            }
            else
            {
                ModelState.AddModelError("Input.Code", l["確認コードが正しくありません。"]);
            }
        }
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var account = await CurrentAsync();
        if (account.TwoFactorEnabled) NewRecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
        ModelState.Clear();
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var account = await CurrentAsync();
        // Staff roles require a second factor, so staff cannot switch it off.
        if (!await IsStaffAsync(account))
        {
            await users.SetTwoFactorEnabledAsync(account, false);
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
        }
        return RedirectToPage();
    }

    private async Task<Account> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");

    private async Task<bool> IsStaffAsync(Account account) =>
        (await users.GetRolesAsync(account)).Any(r => Roles.Staff.Contains(r));

    private async Task LoadAsync(Account account)
    {
        Enabled = account.TwoFactorEnabled;
        IsStaff = await IsStaffAsync(account);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(account) : 0;
        if (Enabled) return;

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }
        SharedKey = Group(key!);
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("Tsunagari")}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer=Tsunagari&digits=6");
    }

    /// <summary>Groups of four characters are easier to type into an authenticator app.</summary>
    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
