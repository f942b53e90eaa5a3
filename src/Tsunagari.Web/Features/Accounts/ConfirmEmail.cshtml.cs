using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<Account> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = SendConfirmation.Decode(code);
        // An id that is no GUID is an altered link; Identity would throw parsing it.
        var account = !Guid.TryParse(userId, out _) || token is null ? null : await users.FindByIdAsync(userId!);
        Confirmed = account is not null && (await users.ConfirmEmailAsync(account, token!)).Succeeded;
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
