using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class PersonalDataModel(
    UserManager<Account> users,
    SignInManager<Account> signIn,
    ExportPersonalData export,
    DeleteAccount delete,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        var account = (await users.GetUserAsync(User))!;
        var json = await export.RunAsync(account.Id, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"tsunagari-personal-data-{clock.GetUtcNow():yyyyMMdd}.json");
        return File(json, "application/json", name);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var account = (await users.GetUserAsync(User))!;
        if (!await users.CheckPasswordAsync(account, Input.Password))
        {
            ModelState.AddModelError("Input.Password", l["パスワードが正しくありません。"]);
            return Page();
        }
        var result = await delete.RunAsync(account, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Deleted");
    }
}
