using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.ProBono;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// What the platform counts for an organization over a period of Japan dates, both included, computed live from the
/// records (one query each, counted or summed by the database where it can; hours are summed here from the one column,
/// as SQLite cannot sum decimals):
/// <list type="bullet">
/// <item><see cref="PlatformMeasure.Participants"/>: distinct people with a sign-up for the organization checked in during the period;</item>
/// <item><see cref="PlatformMeasure.Newcomers"/>: of those, the people with no checked-in sign-up for the organization before the period (their first attendance ever fell in it);</item>
/// <item><see cref="PlatformMeasure.VolunteerHours"/>: the hours credited to sign-ups checked in during the period plus the hours of approved hours reports dated in it;</item>
/// <item><see cref="PlatformMeasure.SignUps"/>: sign-ups made during the period that are not cancelled or declined (pending, confirmed or waitlisted);</item>
/// <item><see cref="PlatformMeasure.ReachedStage"/>: distinct people with a journey stage transition with the organization to the stage or a later one during the period;</item>
/// <item><see cref="PlatformMeasure.ProBonoDeliverablesInUse"/>: the organization's pro bono projects whose three-month follow-up was answered 'in use' during the period.</item>
/// </list>
/// </summary>
public sealed class PlatformMeasures(AppDbContext db)
{
    /// <summary>The measure's value; <paramref name="stage"/> is needed for <see cref="PlatformMeasure.ReachedStage"/> only.</summary>
    public async Task<decimal> ComputeAsync(Guid organizationId, PlatformMeasure measure, JourneyStage? stage, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from) return 0m;
        var start = JourneyRules.StartOfDay(from);
        var end = JourneyRules.StartOfDay(to.AddDays(1));
        return measure switch
        {
            PlatformMeasure.Participants => await ParticipantsAsync(organizationId, start, end, cancellationToken),
            PlatformMeasure.Newcomers => await NewcomersAsync(organizationId, start, end, cancellationToken),
            PlatformMeasure.VolunteerHours => await VolunteerHoursAsync(organizationId, from, to, start, end, cancellationToken),
            PlatformMeasure.SignUps => await SignUpsAsync(organizationId, start, end, cancellationToken),
            PlatformMeasure.ReachedStage => await ReachedAsync(organizationId, stage ?? JourneyStage.Experience, start, end, cancellationToken),
            PlatformMeasure.ProBonoDeliverablesInUse => await InUseAsync(organizationId, start, end, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a platform measure."),
        };
    }

    private IQueryable<SignUp> Attended(Guid organizationId) =>
        db.SignUps.AsNoTracking().Where(s => s.OrganizationId == organizationId && s.CheckedInAt != null);

    private async Task<decimal> ParticipantsAsync(Guid organizationId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await Attended(organizationId).Where(s => s.CheckedInAt >= start && s.CheckedInAt < end)
            .Select(s => s.AccountId).Distinct().CountAsync(cancellationToken);

    private async Task<decimal> NewcomersAsync(Guid organizationId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // "No attendance before the period" rather than the minimum of each person's check-ins: the same answer, without
        // an aggregate over a converted date column (SQLite stores dates as numbers through a converter).
        var before = Attended(organizationId).Where(s => s.CheckedInAt < start).Select(s => s.AccountId);
        return await Attended(organizationId).Where(s => s.CheckedInAt >= start && s.CheckedInAt < end && !before.Contains(s.AccountId))
            .Select(s => s.AccountId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>Volunteer hours given to one organization, or on the whole platform when <paramref name="organizationId"/> is null.</summary>
    public Task<decimal> VolunteerHoursAsync(Guid? organizationId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        to < from ? Task.FromResult(0m) : VolunteerHoursAsync(organizationId, from, to, JourneyRules.StartOfDay(from), JourneyRules.StartOfDay(to.AddDays(1)), cancellationToken);

    private async Task<decimal> VolunteerHoursAsync(Guid? organizationId, DateOnly from, DateOnly to, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var attended = await db.SignUps.AsNoTracking()
            .Where(s => (organizationId == null || s.OrganizationId == organizationId) && s.CheckedInAt >= start && s.CheckedInAt < end && s.Hours != null)
            .Select(s => s.Hours!.Value).ToListAsync(cancellationToken);
        var reported = await db.HoursReports.AsNoTracking()
            .Where(r => (organizationId == null || r.OrganizationId == organizationId) && r.Status == HoursReportStatus.Approved && r.Date >= from && r.Date <= to)
            .Select(r => r.Hours).ToListAsync(cancellationToken);
        return attended.Sum() + reported.Sum();
    }

    private async Task<decimal> SignUpsAsync(Guid organizationId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await db.SignUps.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.CreatedAt >= start && s.CreatedAt < end
                && s.Status != SignUpStatus.Cancelled && s.Status != SignUpStatus.Declined)
            .CountAsync(cancellationToken);

    private async Task<decimal> ReachedAsync(Guid organizationId, JourneyStage stage, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await db.StageTransitions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.To >= stage && t.At >= start && t.At < end)
            .Select(t => t.AccountId).Distinct().CountAsync(cancellationToken);

    private async Task<decimal> InUseAsync(Guid organizationId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await db.ProBonoProjects.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.FollowUpUse == DeliverableUse.InUse && p.FollowUpAnsweredAt >= start && p.FollowUpAnsweredAt < end)
            .CountAsync(cancellationToken);
}
