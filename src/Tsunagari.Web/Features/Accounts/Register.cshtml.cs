using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Accounts;

public sealed class RegisterModel(UserManager<Account> users, SendConfirmation confirmation, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
        [Display(Name = "表示名")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
        [StringLength(254, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
        [Display(Name = "メールアドレス")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "{0}は{2}文字以上{1}文字以内で入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [Compare(nameof(Password), ErrorMessage = "パスワードが一致しません。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード（確認）")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "登録するには、個人情報の取り扱いへの同意が必要です。")]
        [Display(Name = "個人情報の取り扱いに同意します")]
        public bool Consent { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/account") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var account = new Account
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            Culture = Cultures.IsEnglish ? Cultures.English : Cultures.Japanese,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(account, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.AddToRoleAsync(account, Roles.Resident);
        await confirmation.RegistrationAsync(HttpContext, account);
        return RedirectToPage("/Accounts/CheckMail");
    }
}
