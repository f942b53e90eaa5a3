using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts;

public sealed class ResendConfirmationModel(UserManager<Account> users, SendConfirmation confirmation) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // The same answer whether or not the address is registered: this page must not reveal who has an account.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } account)
            await confirmation.RegistrationAsync(HttpContext, account);
        return RedirectToPage("/Accounts/CheckMail");
    }
}
