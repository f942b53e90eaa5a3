using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts;

public sealed class ForgotPasswordModel(UserManager<Account> users, SendConfirmation confirmation) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // The same answer whether or not the address is registered: this page must not reveal who has an account.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: true } account)
            await confirmation.PasswordResetAsync(HttpContext, account);
        Sent = true;
        return Page();
    }
}
