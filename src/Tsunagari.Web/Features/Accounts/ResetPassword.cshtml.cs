using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

public sealed class ResetPasswordModel(UserManager<Account> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "リンクが正しくありません。メールのリンクをもう一度開いてください。")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "リンクが正しくありません。メールのリンクをもう一度開いてください。")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "{0}は{2}文字以上{1}文字以内で入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "パスワードが一致しません。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード（確認）")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var token = SendConfirmation.Decode(Input.Code);
        var account = await users.FindByEmailAsync(Input.Email);
        var result = account is null || token is null
            ? IdentityResult.Failed(new IdentityError { Description = l["リンクの有効期限が切れているか、正しくありません。もう一度やり直してください。"] })
            : await users.ResetPasswordAsync(account, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(account!);
        Done = true;
        return Page();
    }
}
