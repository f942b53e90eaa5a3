using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Attendance;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>
/// An organization issues a certificate of a person's activity with it over a period: numbered per organization and
/// year (2026-0007), with the record as it was, and the person is told.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, ReadRecord read, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Outcome(Certificate? Certificate, string? Error);

    /// <summary>The longest period one certificate covers.</summary>
    public const int MaxYears = 10;

    /// <summary>Null when the period is fine; otherwise why not.</summary>
    public string? CheckPeriod(DateOnly? from, DateOnly? to)
    {
        var today = OccurrenceTimes.JapanDate(clock.GetUtcNow());
        if (from is null || to is null) return l["期間の初日と末日を入力してください。"];
        if (from > to) return l["期間の初日は末日より前にしてください。"];
        if (to > today) return l["期間の末日は今日までにしてください。"];
        if (from < to.Value.AddYears(-MaxYears)) return l["期間は{0}年以内にしてください。", MaxYears];
        return null;
    }

    public async Task<Outcome> RunAsync(Guid organizationId, Guid accountId, DateOnly? from, DateOnly? to, string? note, Guid issuedBy, CancellationToken cancellationToken)
    {
        if (CheckPeriod(from, to) is { } error) return new(null, error);
        var text = (note ?? "").Trim();
        if (text.Length > Certificate.MaxNoteLength) return new(null, l["備考は{0}文字以内で入力してください。", Certificate.MaxNoteLength]);
        var holder = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (holder is null) return new(null, l["証明書を受け取る人を選んでください。"]);
        var activities = await read.ActivitiesAsync(accountId, organizationId, from, to, cancellationToken);
        if (activities.Count == 0) return new(null, l["この期間にこの団体での活動がないため、証明書を発行できません。"]);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(now, Platform.JapanTime.Zone).Year}-");
        // The number is unique per organization; two admins issuing at once collide on it, and the second takes the next.
        for (var attempt = 0; ; attempt++)
        {
            var numbers = await db.Certificates.AsNoTracking().Where(c => c.OrganizationId == organizationId)
                .Select(c => c.Number).ToListAsync(cancellationToken);
            var next = numbers.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0).DefaultIfEmpty(0).Max() + 1;
            var certificate = new Certificate(string.Create(CultureInfo.InvariantCulture, $"{prefix}{next:D4}"), organizationId, accountId, holder,
                from!.Value, to!.Value, activities.Count, activities.Sum(a => a.Hours), text, issuedBy, now);
            db.Certificates.Add(certificate);
            var notification = new Notification(accountId, NotificationKind.CertificateIssued, organization, certificate.Number, $"/certificates/{certificate.Id}", now);
            db.Notifications.Add(notification);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new(certificate, null);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(certificate).State = EntityState.Detached;
                db.Entry(notification).State = EntityState.Detached;
            }
        }
    }
}
