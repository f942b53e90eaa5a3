using System.Security.Claims;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

/// <summary>Writes who on the staff looked at or changed whose personal data (APPI accountability).</summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock)
{
    public static class Actions
    {
        public const string ViewPersonalData = "ViewPersonalData";
        public const string ChangeRoles = "ChangeRoles";
        public const string SearchAccounts = "SearchAccounts";

        /// <summary>The action as staff read it (Japanese; the UI translates it).</summary>
        public static string Label(string action) => action switch
        {
            ViewPersonalData => "個人情報の閲覧",
            ChangeRoles => "役割の変更",
            SearchAccounts => "アカウントの検索",
            _ => action,
        };
    }

    public async Task RecordAsync(ClaimsPrincipal actor, string action, Guid? subjectId, string detail = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Guid? actorId = Guid.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actorId, action, subjectId, detail));
        await db.SaveChangesAsync(cancellationToken);
    }
}
