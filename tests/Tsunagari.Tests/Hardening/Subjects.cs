using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// Things of one organization that routes name by id (/signups/{id}, /hours-reports/{id}, …), all of its founder: what
/// the authorization matrix and the bad-input properties ask about, so that those handlers are reached, not just 404.
/// </summary>
public sealed record Subjects(Guid Founder, Guid SignUp, Guid HoursReport, Guid Certificate, Guid Challenge, Guid Round)
{
    public static async Task<Subjects> CreateAsync(TestApp app, Guid organizationId, Guid opportunityId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A confirmed sign-up (a bodyless cancel, approve or decline changes nothing), a report and a certificate of hours.
        var signUp = new Tsunagari.Features.Engagement.SignUp(opportunityId, organizationId, founder, Tsunagari.Features.Engagement.SignUp.WholeOpportunity, now) { Status = SignUpStatus.Confirmed, Seat = 1 };
        var report = new HoursReport(founder, organizationId, today.AddDays(-1), 2, "表の報告", [], now);
        var certificate = new Certificate("2000-0001", organizationId, founder, "表の人", today.AddYears(-1), today, 1, 2, "", founder, now);
        // A pro bono challenge waiting for review, and an empty round.
        var challenge = new Challenge(organizationId, founder, new ChallengeDetails("表の課題", "現状", "課題", "目標",
            DeliverableKind.Website, [new("design", 3)], 4, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), WorkMode.Online, null, null), now);
        var round = new MatchingRound("表の回", 3, 5, founder, now);
        db.AddRange(signUp, report, certificate, challenge, round);
        await db.SaveChangesAsync();
        return new(founder, signUp.Id, report.Id, certificate.Id, challenge.Id, round.Id);
    }

    /// <summary>The id for a route parameter that follows <paramref name="segment"/> ("signups" → the sign-up), or null.</summary>
    public Guid? For(string segment) => segment switch
    {
        "signups" => SignUp,
        "hours-reports" => HoursReport,
        "certificates" => Certificate,
        "challenges" => Challenge,
        "rounds" => Round,
        _ => null,
    };
}
