using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts;

public sealed class ConfirmEmailChangeModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = SendConfirmation.Decode(code);
        // An id that is no GUID is an altered link; Identity would throw parsing it.
        var account = !Guid.TryParse(userId, out _) || email is null || token is null ? null : await users.FindByIdAsync(userId!);
        if (account is not null && (await users.ChangeEmailAsync(account, email!, token!)).Succeeded)
        {
            // The address is also the sign-in name.
            Changed = (await users.SetUserNameAsync(account, email)).Succeeded;
            if (Changed && signIn.IsSignedIn(User)) await signIn.RefreshSignInAsync(account);
        }
        if (!Changed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
