using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class IndexModel(UserManager<Account> users, SignInManager<Account> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public Account Account { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
        [Display(Name = "表示名")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "メールの言語")]
        public string Culture { get; set; } = Cultures.Japanese;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Input = new() { DisplayName = Account.DisplayName, Culture = Account.Culture };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Cultures.IsSupported(Input.Culture)) ModelState.AddModelError("Input.Culture", l["言語を選んでください。"]);
        if (!ModelState.IsValid) return Page();
        Account.DisplayName = Input.DisplayName.Trim();
        Account.Culture = Input.Culture;
        await users.UpdateAsync(Account);
        await signIn.RefreshSignInAsync(Account);
        Message = "保存しました。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Account = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");
        Roles = await users.GetRolesAsync(Account);
    }
}
