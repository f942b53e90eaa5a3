using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// Opens an invitation link. Only the person signed in with the invited address may accept, and only by confirming
/// (a GET never changes anything, so a link scanner cannot accept for them).
/// </summary>
[Authorize]
public sealed class InvitationModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public enum State
    {
        Open,
        Invalid,
        OtherAddress,
    }

    public State Status { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public MembershipRole Role { get; private set; }
    public string InvitedEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken cancellationToken)
    {
        await LoadAsync(secret, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(secret, cancellationToken);
        if (invitation is null || Status != State.Open) return Page();
        var accountId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var now = clock.GetUtcNow();
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.OrganizationId == invitation.OrganizationId && m.AccountId == accountId, cancellationToken);
        if (existing is null)
            db.Memberships.Add(new Membership(invitation.OrganizationId, accountId, invitation.Role, now));
        else if (invitation.Role == MembershipRole.Admin)
            existing.ChangeRole(MembershipRole.Admin);
        invitation.Accept(now);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/organizations/{invitation.OrganizationId}");
    }

    private async Task<Invitation?> LoadAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Invitation.HashOf(secret ?? "");
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsOpen(clock.GetUtcNow()))
        {
            Status = State.Invalid;
            return null;
        }
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Role = invitation.Role;
        InvitedEmail = invitation.Email;
        var email = await db.Users.AsNoTracking()
            .Where(u => u.Id == Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!))
            .Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        Status = string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase) ? State.Open : State.OtherAddress;
        return invitation;
    }
}
