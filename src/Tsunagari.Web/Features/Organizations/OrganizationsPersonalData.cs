using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Organizations;

/// <summary>A person's memberships and the invitations they sent or that were sent to them.</summary>
public sealed class OrganizationsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "organizations";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == accountId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { OrganizationId = o.Id, Organization = o.Name, Role = m.Role.ToString(), m.JoinedAt })
            .ToListAsync(cancellationToken);
        var invitationsSent = await db.Invitations.AsNoTracking()
            .Where(i => i.InvitedBy == accountId)
            .Select(i => new { i.OrganizationId, i.Email, Role = i.Role.ToString(), i.CreatedAt, i.AcceptedAt })
            .ToListAsync(cancellationToken);
        return new { memberships, invitationsSent };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Organizations belong to their communities, not to one person: they stay. When the person was the last admin,
        // the organization is left without admins until a coordinator or a re-invitation gives it one.
        await db.Memberships.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null)
        {
            var normalized = email.ToUpperInvariant();
            // Runs as SQL UPPER() on both providers; string.Equals with a StringComparison cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862
            await db.Invitations.Where(i => i.Email.ToUpper() == normalized).ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        }
    }
}
