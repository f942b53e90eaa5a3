using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.SignUps;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// A meeting's figures, read from its opportunity's sign-ups (registration and attendance are the opportunity's):
/// when it meets, places left and the waitlist, and how many of which kind of participant attended.
/// </summary>
public static class MeetingFigures
{
    /// <summary>
    /// The occurrence the registration figures are about: the whole opportunity for a one-off meeting, the next date
    /// of a recurring one (its last start when none is left), with its start.
    /// </summary>
    public sealed record Timing(DateOnly Occurrence, DateTimeOffset Start, DateTimeOffset End, bool Upcoming);

    public sealed record Registration(int? Capacity, int Confirmed, int Waitlisted, int Pending)
    {
        public int? SeatsLeft => Capacity is { } c ? Math.Max(0, c - Confirmed) : null;
    }

    /// <summary>People who attended (each once), by kind: government staff, members of an organization, residents.</summary>
    public sealed record Attendance(int Total, int Government, int OrganizationMembers, int Residents);

    public static Timing WhenOf(Opportunity opportunity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (Recurrence.Parse(opportunity.RecurrenceRule) is null)
            return new Timing(SignUp.WholeOpportunity, opportunity.StartsAt, opportunity.EndsAt, opportunity.EndsAt >= now);
        var next = SignUpFormView.Upcoming(opportunity, now);
        return next.Count > 0
            ? new Timing(Seats.JapanDate(next[0].Start), next[0].Start, next[0].End, true)
            : new Timing(SignUp.WholeOpportunity, opportunity.StartsAt, opportunity.EndsAt, false);
    }

    /// <summary>Registration per opportunity, for the occurrence each is asked about: one query for a whole list.</summary>
    public static async Task<Dictionary<Guid, Registration>> RegistrationAsync(
        AppDbContext db, IReadOnlyCollection<(Opportunity Opportunity, DateOnly Occurrence)> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meetings);
        var ids = meetings.Select(m => m.Opportunity.Id).ToList();
        var counts = await db.SignUps.AsNoTracking()
            .Where(s => ids.Contains(s.OpportunityId)
                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted || s.Status == SignUpStatus.Pending))
            .GroupBy(s => new { s.OpportunityId, s.Occurrence, s.Status })
            .Select(g => new { g.Key.OpportunityId, g.Key.Occurrence, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return meetings.ToDictionary(m => m.Opportunity.Id, m =>
        {
            int Count(SignUpStatus status) => counts.Where(c => c.OpportunityId == m.Opportunity.Id && c.Occurrence == m.Occurrence && c.Status == status).Sum(c => c.Count);
            return new Registration(m.Opportunity.Capacity, Count(SignUpStatus.Confirmed), Count(SignUpStatus.Waitlisted), Count(SignUpStatus.Pending));
        });
    }

    /// <summary>Who attended (checked in at any occurrence), counted once each; no names.</summary>
    public static async Task<Attendance> AttendanceAsync(AppDbContext db, Guid opportunityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var attended = await db.SignUps.AsNoTracking()
            .Where(s => s.OpportunityId == opportunityId && s.CheckedInAt != null)
            .Select(s => s.AccountId).Distinct().ToListAsync(cancellationToken);
        if (attended.Count == 0) return new Attendance(0, 0, 0, 0);
        var kinds = await KindsAsync(db, attended, cancellationToken);
        return new Attendance(attended.Count,
            kinds.Count(k => k.Value == ParticipantKind.Government),
            kinds.Count(k => k.Value == ParticipantKind.OrganizationMember),
            kinds.Count(k => k.Value == ParticipantKind.Resident));
    }

    /// <summary>Each person's kind: government staff first, then a member of any organization, else a resident.</summary>
    public static async Task<Dictionary<Guid, ParticipantKind>> KindsAsync(AppDbContext db, IReadOnlyCollection<Guid> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accounts);
        var staffRoles = new[] { Roles.Coordinator, Roles.PrefectureAdmin };
        var staff = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where accounts.Contains(ur.UserId) && staffRoles.Contains(r.Name!)
                           select ur.UserId).Distinct().ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking().Where(m => accounts.Contains(m.AccountId))
            .Select(m => m.AccountId).Distinct().ToListAsync(cancellationToken);
        return accounts.Distinct().ToDictionary(a => a,
            a => staff.Contains(a) ? ParticipantKind.Government : members.Contains(a) ? ParticipantKind.OrganizationMember : ParticipantKind.Resident);
    }

    public static string For(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Government => "行政",
        ParticipantKind.OrganizationMember => "団体の会員",
        _ => "住民",
    };
}

/// <summary>Which side of the dialogue a participant comes from.</summary>
public enum ParticipantKind
{
    Resident = 1,
    OrganizationMember = 2,
    Government = 3,
}
