using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>A person's notifications: exported as shown to them, deleted with the account (they are only theirs).</summary>
public sealed class NotificationPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var preference = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.PrefersDailyDigest).SingleOrDefaultAsync(cancellationToken);
        var items = await db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId).OrderBy(n => n.CreatedAt)
            .Select(n => new { Kind = n.Kind.ToString(), n.Subject, n.Detail, n.Link, n.CreatedAt, n.ReadAt, n.MailedAt })
            .ToListAsync(cancellationToken);
        return new { PrefersDailyDigest = preference, Notifications = items };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => n.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
}
