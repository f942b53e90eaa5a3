using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// 広がり・深まり・つながり for an organization or a municipality, read from the journeys (one row per person and
/// organization, kept current by <see cref="UpdateJourneys"/>), never from the raw participation records, so that the
/// pages stay fast at prefecture scale, and kept as <see cref="IndicatorSnapshots"/> until the journeys they read change.
/// The figures are exact; <see cref="Indicators.Suppress"/> gives the public's. Formulas: docs/indicators.md.
/// </summary>
public sealed class ComputeIndicators(AppDbContext db, IndicatorSnapshots snapshots)
{
    private sealed record Row(Guid AccountId, Guid OrganizationId, DateTimeOffset First, DateTimeOffset Last, int Activities, JourneyStage Stage, string MunicipalityCode);

    public Task<Indicators> ForOrganizationAsync(Guid organizationId, OrganizationKind kind, IndicatorPeriod period, CancellationToken cancellationToken) =>
        snapshots.GetAsync(IndicatorSnapshots.Organization(organizationId), period, () => ComputeForOrganizationAsync(organizationId, kind, period, cancellationToken), cancellationToken);

    /// <summary>For a municipality (a designated city with its wards, where activities are placed), by its code.</summary>
    public Task<Indicators> ForMunicipalityAsync(Municipality municipality, IndicatorPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        string[] codes = [municipality.Code, .. municipality.Wards.Select(w => w.Code)];
        return snapshots.GetAsync(IndicatorSnapshots.Municipality(municipality.Code), period, () => ForMunicipalitiesAsync(codes, period, cancellationToken), cancellationToken);
    }

    private async Task<Indicators> ComputeForOrganizationAsync(Guid organizationId, OrganizationKind kind, IndicatorPeriod period, CancellationToken cancellationToken)
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
        return Summarize(period, people, municipalities, organizations: null, connected, crossSector);
    }

    /// <summary>For any set of municipalities taken as one region, computed now (not stored): each person counts once.</summary>
    public async Task<Indicators> ForMunicipalitiesAsync(IReadOnlyCollection<string> codes, IndicatorPeriod period, CancellationToken cancellationToken)
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
        return Summarize(period, people, municipalitiesReached: null, organizationIds.Count, connected, crossSector);
    }

    private sealed record Person(DateTimeOffset First, DateTimeOffset Last, int Activities, JourneyStage Stage);

    private static Indicators Summarize(IndicatorPeriod period, List<Person> people, int? municipalitiesReached, int? organizations, int connected, int crossSector)
    {
        var (start, end) = (period.Start, period.End);
        var quarters = new List<Indicators.QuarterCount>();
        for (var q = JourneyRules.Quarter(start); q <= JourneyRules.Quarter(end.AddTicks(-1)); q++)
        {
            var from = Max(JourneyRules.QuarterStart(q), start);
            var to = Min(JourneyRules.QuarterStart(q + 1), end);
            var label = string.Create(CultureInfo.InvariantCulture, $"{q / 4}Q{(q % 4) + 1}");
            quarters.Add(new(label, people.Count(p => p.First >= from && p.First < to)));
        }
        var total = people.Count;
        var repeaters = people.Count(p => p.Activities >= 2);
        var coPlanning = people.Count(p => p.Stage == JourneyStage.CoPlanning);
        var rooted = people.Count(p => p.Stage == JourneyStage.Rooted);
        var tenures = people.Select(p => (p.Last - p.First).TotalDays).Order().ToList();
        double? median = tenures.Count == 0 ? null
            : Math.Round(tenures.Count % 2 == 1 ? tenures[tenures.Count / 2] : (tenures[(tenures.Count / 2) - 1] + tenures[tenures.Count / 2]) / 2, 1);
        return new Indicators(
            period.From, period.To, total, quarters, municipalitiesReached, organizations,
            repeaters, Indicators.Rate(repeaters, total), median,
            coPlanning, Indicators.Rate(coPlanning, total),
            rooted, Indicators.Rate(rooted, total),
            connected, crossSector, Suppressed: false);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
