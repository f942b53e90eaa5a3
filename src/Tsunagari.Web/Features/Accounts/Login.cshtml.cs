using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

public sealed class LoginModel(SignInManager<Account> signIn, UserManager<Account> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LockedOut { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
        [Display(Name = "メールアドレス")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string Password { get; set; } = "";

        [Display(Name = "サインインしたままにする")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            LockedOut = true;
            ModelState.AddModelError(string.Empty, l["サインインの失敗が続いたため、このアカウントは一時的にロックされています。15分ほど待ってからもう一度お試しください。"]);
            return Page();
        }
        if (result.IsNotAllowed && await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } account
            && await users.CheckPasswordAsync(account, Input.Password))
        {
            ModelState.AddModelError(string.Empty, l["メールアドレスの確認が済んでいません。確認メールのリンクを開いてください。"]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, l["メールアドレスまたはパスワードが正しくありません。"]);
        return Page();
    }

    /// <summary>Only paths on this site: a crafted link must not send a person elsewhere after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
