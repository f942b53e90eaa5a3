using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

/// <summary>The account's own records: access tokens and the staff access log about the person.</summary>
public sealed class AccountPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "account";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == accountId
                           select r.Name).ToListAsync(cancellationToken);
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.AccountId == accountId)
            .Select(t => new { t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt })
            .ToListAsync(cancellationToken);
        var accessedBy = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == accountId)
            .OrderBy(e => e.At).Select(e => new { e.At, e.Action, e.Detail })
            .ToListAsync(cancellationToken);
        return new
        {
            account.Email,
            account.EmailConfirmed,
            account.DisplayName,
            account.Culture,
            account.CreatedAt,
            account.TwoFactorEnabled,
            Roles = roles,
            AccessTokens = tokens,
            StaffAccessLog = accessedBy,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await db.PersonalAccessTokens.Where(t => t.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        // The access log stays for accountability, but no longer points at the person.
        await db.AuditEntries.Where(e => e.SubjectId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SubjectId, (Guid?)null), cancellationToken);
        await db.AuditEntries.Where(e => e.ActorId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, (Guid?)null), cancellationToken);
    }
}
