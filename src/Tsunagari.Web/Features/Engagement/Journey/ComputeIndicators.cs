using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// 広がり・深まり・つながり for an organization or a municipality, read from the journeys (one row per person and
/// organization, kept current by <see cref="UpdateJourneys"/>), never from the raw participation records, so that the
/// pages stay fast at prefecture scale. Formulas: docs/indicators.md.
/// </summary>
public sealed class ComputeIndicators(AppDbContext db)
{
    private sealed record Row(Guid AccountId, Guid OrganizationId, DateTimeOffset First, DateTimeOffset Last, int Activities, JourneyStage Stage, string MunicipalityCode);

    public async Task<Indicators> ForOrganizationAsync(Guid organizationId, OrganizationKind kind, IndicatorPeriod period, bool suppress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Journeys.AsNoTracking()
            .Where(j => j.OrganizationId == organizationId && j.Activities > 0 && j.FirstActivityAt < end && j.LastActivityAt >= start)
            .Select(j => new Row(j.AccountId, j.OrganizationId, j.FirstActivityAt, j.LastActivityAt, j.Activities, j.Stage, j.MunicipalityCode))
            .ToListAsync(cancellationToken);

        var participants = db.Journeys.Where(j => j.OrganizationId == organizationId && j.Activities > 0 && j.FirstActivityAt < end && j.LastActivityAt >= start).Select(j => j.AccountId);
        var sharing = await db.Journeys.AsNoTracking()
            .Where(j => j.OrganizationId != organizationId && j.Activities > 0 && j.FirstActivityAt < end && j.LastActivityAt >= start && participants.Contains(j.AccountId))
            .Join(db.Organizations, j => j.OrganizationId, o => o.Id, (j, o) => new { o.Id, o.Kind })
            .Distinct()
            .ToListAsync(cancellationToken);
        // Shared projects: people of one organization co-organising another's opportunities, either way.
        var members = db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId);
        var projects = await db.CoOrganizers.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .Join(db.Memberships, c => c.AccountId, m => m.AccountId, (c, m) => m.OrganizationId)
            .Where(id => id != organizationId)
            .Concat(db.CoOrganizers.Where(c => c.OrganizationId != organizationId && members.Contains(c.AccountId)).Select(c => c.OrganizationId))
            .Distinct()
            .ToListAsync(cancellationToken);

        var connected = sharing.Select(s => s.Id).Concat(projects).Distinct().Count();
        var crossSector = sharing.Count(s => s.Kind != kind);
        var municipalities = rows.Select(r => r.MunicipalityCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var people = rows.Select(r => new Person(r.First, r.Last, r.Activities, r.Stage)).ToList();
        return Summarize(period, people, municipalities, organizations: null, connected, crossSector, suppress);
    }

    /// <summary>For a municipality, given as its code and, for a designated city, its wards' codes (activities are placed in wards).</summary>
    public async Task<Indicators> ForMunicipalityAsync(IReadOnlyCollection<string> codes, IndicatorPeriod period, bool suppress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Journeys.AsNoTracking()
            .Where(j => codes.Contains(j.MunicipalityCode) && j.Activities > 0 && j.FirstActivityAt < end && j.LastActivityAt >= start)
            .Select(j => new Row(j.AccountId, j.OrganizationId, j.FirstActivityAt, j.LastActivityAt, j.Activities, j.Stage, j.MunicipalityCode))
            .ToListAsync(cancellationToken);
        var organizationIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var kinds = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Kind }).ToDictionaryAsync(o => o.Id, o => o.Kind, cancellationToken);

        // A person counts once in the municipality, with their whole span there and their deepest stage.
        var people = rows.GroupBy(r => r.AccountId)
            .Select(g => new Person(g.Min(r => r.First), g.Max(r => r.Last), g.Sum(r => r.Activities), g.Max(r => r.Stage)))
            .ToList();
        var ties = new HashSet<(Guid, Guid)>();
        foreach (var person in rows.GroupBy(r => r.AccountId))
        {
            var organizations = person.Select(r => r.OrganizationId).Distinct().Order().ToList();
            for (var i = 0; i < organizations.Count; i++)
                for (var k = i + 1; k < organizations.Count; k++)
                    ties.Add((organizations[i], organizations[k]));
        }
        var connected = ties.SelectMany(t => new[] { t.Item1, t.Item2 }).Distinct().Count();
        var crossSector = ties.Count(t => kinds.TryGetValue(t.Item1, out var a) && kinds.TryGetValue(t.Item2, out var b) && a != b);
        return Summarize(period, people, municipalitiesReached: null, organizationIds.Count, connected, crossSector, suppress);
    }

    private sealed record Person(DateTimeOffset First, DateTimeOffset Last, int Activities, JourneyStage Stage);

    private static Indicators Summarize(IndicatorPeriod period, List<Person> people, int? municipalitiesReached, int? organizations, int connected, int crossSector, bool suppress)
    {
        var (start, end) = (period.Start, period.End);
        var quarters = new List<Indicators.QuarterCount>();
        for (var q = JourneyRules.Quarter(start); q <= JourneyRules.Quarter(end.AddTicks(-1)); q++)
        {
            var from = Max(JourneyRules.QuarterStart(q), start);
            var to = Min(JourneyRules.QuarterStart(q + 1), end);
            var label = string.Create(CultureInfo.InvariantCulture, $"{q / 4}Q{(q % 4) + 1}");
            quarters.Add(new(label, Indicators.Count(people.Count(p => p.First >= from && p.First < to), suppress)));
        }
        var total = people.Count;
        var repeaters = people.Count(p => p.Activities >= 2);
        var coPlanning = people.Count(p => p.Stage == JourneyStage.CoPlanning);
        var rooted = people.Count(p => p.Stage == JourneyStage.Rooted);
        var tenures = people.Select(p => (p.Last - p.First).TotalDays).Order().ToList();
        double? median = tenures.Count == 0 || (suppress && tenures.Count < Indicators.MinimumCount) ? null
            : Math.Round(tenures.Count % 2 == 1 ? tenures[tenures.Count / 2] : (tenures[(tenures.Count / 2) - 1] + tenures[tenures.Count / 2]) / 2, 1);
        return new Indicators(
            period.From, period.To,
            Indicators.Count(total, suppress), quarters,
            municipalitiesReached is { } m ? Indicators.Count(m, suppress) : null,
            organizations is { } o ? Indicators.Count(o, suppress) : null,
            Indicators.Count(repeaters, suppress), Indicators.Rate(repeaters, total, suppress), median,
            Indicators.Count(coPlanning, suppress), Indicators.Rate(coPlanning, total, suppress),
            Indicators.Count(rooted, suppress), Indicators.Rate(rooted, total, suppress),
            Indicators.Count(connected, suppress), Indicators.Count(crossSector, suppress),
            suppress);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
