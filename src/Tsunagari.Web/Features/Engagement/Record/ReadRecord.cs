using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Attendance;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>Reads a person's activity record: for their own page and API, and (one organization, one period) for a certificate.</summary>
public sealed class ReadRecord(AppDbContext db)
{
    /// <summary>The activities (attended sign-ups, approved hours reports), newest first, optionally of one organization within a period.</summary>
    public async Task<IReadOnlyList<ActivityRecord.Activity>> ActivitiesAsync(Guid accountId, Guid? organizationId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var signUps = db.SignUps.AsNoTracking().Where(s => s.AccountId == accountId && s.CheckedInAt != null);
        var reports = db.HoursReports.AsNoTracking().Where(r => r.AccountId == accountId && r.Status == HoursReportStatus.Approved);
        if (organizationId is { } org)
        {
            signUps = signUps.Where(s => s.OrganizationId == org);
            reports = reports.Where(r => r.OrganizationId == org);
        }
        if (from is { } f) reports = reports.Where(r => r.Date >= f);
        if (to is { } t) reports = reports.Where(r => r.Date <= t);
        var attended = await (from s in signUps
                              join o in db.Opportunities on s.OpportunityId equals o.Id
                              join g in db.Organizations on s.OrganizationId equals g.Id
                              select new { s.Id, s.Occurrence, s.CheckedInAt, s.Hours, o.Title, OpportunityId = o.Id, o.StartsAt, o.Fields, OrganizationId = g.Id, Organization = g.Name })
                             .ToListAsync(cancellationToken);
        var approved = await (from r in reports
                              join g in db.Organizations on r.OrganizationId equals g.Id
                              select new ActivityRecord.Activity("hours", r.Id, r.Date, r.Description, null, g.Id, g.Name, r.Hours, r.Fields))
                             .ToListAsync(cancellationToken);
        // The date of a one-off or ongoing role is the day the person was there.
        var activities = attended
            .Select(a => new ActivityRecord.Activity("signup", a.Id, a.Occurrence != SignUp.WholeOpportunity ? a.Occurrence : OccurrenceTimes.JapanDate(a.CheckedInAt!.Value),
                a.Title, a.OpportunityId, a.OrganizationId, a.Organization, a.Hours ?? 0, a.Fields))
            .Where(a => (from is null || a.Date >= from) && (to is null || a.Date <= to))
            .Concat(approved)
            .OrderByDescending(a => a.Date).ThenBy(a => a.Title, StringComparer.Ordinal)
            .ToList();
        return activities;
    }

    public async Task<ActivityRecord> RunAsync(Guid accountId, bool english, CancellationToken cancellationToken)
    {
        var timeline = await ActivitiesAsync(accountId, null, null, null, cancellationToken);
        var journeys = await db.Journeys.AsNoTracking().Where(j => j.AccountId == accountId)
            .Select(j => new { j.OrganizationId, j.Stage, j.StageSince }).ToListAsync(cancellationToken);
        var certificates = await (from c in db.Certificates.AsNoTracking()
                                  where c.AccountId == accountId
                                  join g in db.Organizations on c.OrganizationId equals g.Id
                                  orderby c.IssuedAt descending
                                  select new ActivityRecord.IssuedCertificate(c.Id, c.Number, g.Id, g.Name, c.From, c.To, c.Hours, c.IssuedAt))
                                 .ToListAsync(cancellationToken);
        var byField = timeline.SelectMany(a => a.Fields.Distinct().Select(f => (Field: f, a.Hours)))
            .Where(x => FieldsOfActivity.IsDefined(x.Field))
            .GroupBy(x => x.Field)
            .Select(g => new ActivityRecord.FieldTotal(g.Key, english ? FieldsOfActivity.Find(g.Key)!.NameEn : FieldsOfActivity.Find(g.Key)!.Name, g.Count(), g.Sum(x => x.Hours)))
            .OrderByDescending(f => f.Hours).ThenBy(f => f.Field)
            .ToList();
        var organizations = timeline.GroupBy(a => (a.OrganizationId, a.Organization))
            .Select(g => (g.Key.OrganizationId, g.Key.Organization, Activities: g.Count(), Hours: g.Sum(a => a.Hours)))
            .ToList();
        // Organizations where the person has a stage without activity here (a member with a role, a co-organizer) are shown too.
        var missing = journeys.Select(j => j.OrganizationId).Except(organizations.Select(o => o.OrganizationId)).ToList();
        if (missing.Count > 0)
        {
            var names = await db.Organizations.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
            organizations.AddRange(names.Select(n => (n.Id, n.Name, 0, 0m)));
        }
        var byOrganization = organizations
            .Select(o =>
            {
                var journey = journeys.FirstOrDefault(j => j.OrganizationId == o.OrganizationId);
                return new ActivityRecord.OrganizationTotal(o.OrganizationId, o.Organization, o.Activities, o.Hours, journey?.Stage, journey?.StageSince);
            })
            .OrderByDescending(o => o.Hours).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return new ActivityRecord(timeline, timeline.Count, timeline.Sum(a => a.Hours), byField, byOrganization, certificates);
    }
}
