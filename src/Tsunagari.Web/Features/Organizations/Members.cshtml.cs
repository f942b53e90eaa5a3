using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

/// <summary>An organization's members: members see the list; admins invite, change roles and remove, keeping one admin at least.</summary>
[Authorize]
public sealed class MembersModel(
    AppDbContext db,
    InviteMember invite,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public const string DoneKey = "Organizations.MembersDone";

    public sealed record MemberView(Guid AccountId, string DisplayName, string Email, MembershipRole Role, DateTimeOffset JoinedAt);

    public sealed record InvitationView(string Email, MembershipRole Role, DateTimeOffset CreatedAt);

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];
    public bool CanManage { get; private set; }

    [TempData(Key = DoneKey)]
    public string? Done { get; set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, OrganizationOperations.ViewMembers, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, OrganizationOperations.ManageMembers, cancellationToken) is { } denied) return denied;
        var email = Input.Email?.Trim() ?? "";
        if (ModelState.IsValid && Members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", l["{0}はすでにこの団体のメンバーです。", email]);
        if (!ModelState.IsValid) return Page();

        var name = await db.Users.AsNoTracking().Where(u => u.Id == CurrentAccountId()).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await invite.RunAsync(HttpContext, Organization, email, Input.Role, CurrentAccountId(), name, cancellationToken);
        Done = l["{0}に招待のメールを送りました。", email];
        return Redirect($"/organizations/{id}/members");
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(Guid id, Guid accountId, MembershipRole role, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, OrganizationOperations.ManageMembers, cancellationToken) is { } denied) return denied;
        var membership = Organization.Memberships.SingleOrDefault(m => m.AccountId == accountId);
        if (membership is null || !Enum.IsDefined(role)) return NotFound();
        if (role != MembershipRole.Admin && IsLastAdmin(accountId))
        {
            ModelState.AddModelError("", l["団体には管理者が少なくとも1人必要です。先にほかのメンバーを管理者にしてください。"]);
            return Page();
        }
        membership.ChangeRole(role);
        await db.SaveChangesAsync(cancellationToken);
        Done = l["役割を変更しました。"];
        return Redirect($"/organizations/{id}/members");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid accountId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, OrganizationOperations.ManageMembers, cancellationToken) is { } denied) return denied;
        var membership = Organization.Memberships.SingleOrDefault(m => m.AccountId == accountId);
        if (membership is null) return NotFound();
        if (IsLastAdmin(accountId))
        {
            ModelState.AddModelError("", l["団体には管理者が少なくとも1人必要です。先にほかのメンバーを管理者にしてください。"]);
            return Page();
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        Done = l["メンバーを外しました。"];
        return Redirect($"/organizations/{id}/members");
    }

    private bool IsLastAdmin(Guid accountId) =>
        Organization.IsAdmin(accountId) && Organization.Memberships.Count(m => m.Role == MembershipRole.Admin) == 1;

    private async Task<IActionResult?> LoadAsync(Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        Organization = organization;
        if (!(await authorization.AuthorizeAsync(User, organization, operation)).Succeeded) return Forbid();
        CanManage = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.ManageMembers)).Succeeded;
        Members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == id)
            .Join(db.Users, m => m.AccountId, u => u.Id, (m, u) => new MemberView(m.AccountId, u.DisplayName, u.Email ?? "", m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        Members = [.. Members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal)];
        if (CanManage)
        {
            var now = clock.GetUtcNow();
            var open = await db.Invitations.AsNoTracking()
                .Where(i => i.OrganizationId == id && i.AcceptedAt == null)
                .Select(i => new { i.Email, i.Role, i.CreatedAt })
                .ToListAsync(cancellationToken);
            Invitations = open.Where(i => now - i.CreatedAt < Invitation.Lifetime).OrderBy(i => i.CreatedAt).Select(i => new InvitationView(i.Email, i.Role, i.CreatedAt)).ToList();
        }
        return null;
    }

    private Guid CurrentAccountId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [EmailAddress(ErrorMessage = "{0}の形式が正しくありません。")]
        [StringLength(254, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
        [Display(Name = "招待する人のメールアドレス")]
        public string? Email { get; set; }

        [Display(Name = "役割")]
        public MembershipRole Role { get; set; } = MembershipRole.Member;
    }
}
