using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class EmailModel(UserManager<Account> users, SendConfirmation confirmation, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";
    public bool Sent { get; private set; }

    public async Task OnGetAsync() => CurrentEmail = (await users.GetUserAsync(User))!.Email!;

    public async Task<IActionResult> OnPostAsync()
    {
        var account = (await users.GetUserAsync(User))!;
        CurrentEmail = account.Email!;
        // Blank input binds as null (then [Required] has already said so).
        var newEmail = Input.Email?.Trim() ?? "";
        // [EmailAddress] only asks for one "@"; the mail has to be addressable, or sending it fails.
        if (ModelState.IsValid && !MimeKit.MailboxAddress.TryParse(newEmail, out _))
            ModelState.AddModelError("Input.Email", l["メールアドレスの形式が正しくありません。"]);
        if (ModelState.IsValid && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError("Input.Email", l["現在のメールアドレスと同じです。"]);
        if (ModelState.IsValid && await users.FindByEmailAsync(newEmail) is not null)
            ModelState.AddModelError("Input.Email", l["このメールアドレスはすでに登録されています。"]);
        if (!ModelState.IsValid) return Page();
        await confirmation.EmailChangeAsync(HttpContext, account, newEmail);
        Sent = true;
        return Page();
    }
}
