using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Accounts.Admin;

[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class DetailsModel(UserManager<Account> users, IAuthorizationService authorization, AuditTrail audit) : PageModel
{
    public Account Account { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];
    public bool CanChangeRoles { get; private set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id) is { } denied) return denied;
        await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, Account.Id, "", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id) is { } denied) return denied;
        if (!CanChangeRoles) return Forbid();
        var wanted = SelectedRoles.Intersect(Accounts.Roles.All).Append(Accounts.Roles.Resident).ToHashSet();
        await users.RemoveFromRolesAsync(Account, Roles.Except(wanted));
        await users.AddToRolesAsync(Account, wanted.Except(Roles));
        // Role changes take effect at the person's next request, not after their cookie expires.
        await users.UpdateSecurityStampAsync(Account);
        await audit.RecordAsync(User, AuditTrail.Actions.ChangeRoles, Account.Id, string.Join(",", wanted.Order(StringComparer.Ordinal)), cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, account, AccountOperations.ViewPersonalData)).Succeeded) return Forbid();
        Account = account;
        Roles = await users.GetRolesAsync(account);
        CanChangeRoles = (await authorization.AuthorizeAsync(User, account, AccountOperations.ChangeRoles)).Succeeded;
        return null;
    }
}
