using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class PasswordModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "現在のパスワード")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "{0}は{2}文字以上{1}文字以内で入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "パスワードが一致しません。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード（確認）")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var account = (await users.GetUserAsync(User))!;
        var result = await users.ChangePasswordAsync(account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(account);
        Changed = true;
        return Page();
    }
}
