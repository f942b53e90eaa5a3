using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// Recomputes journeys from the records (attended sign-ups, approved hours reports, memberships, co-organisers) and
/// stores each newly reached stage once, dated by the record that met its rule. Idempotent: the same records give the
/// same rows, so processing a pair twice (two nodes, a retry) is harmless. Work is grouped by organization, a few
/// queries per batch of people, never one query per pair.
/// </summary>
public sealed class UpdateJourneys(AppDbContext db, IOptions<JourneyOptions> options, TimeProvider clock)
{
    /// <summary>People per batch: small enough for the databases' parameter lists, large enough to amortise a query.</summary>
    public const int DefaultBatchSize = 2000;

    /// <summary>Recomputes the given (account, organization) pairs.</summary>
    public async Task UpdateAsync(IEnumerable<(Guid AccountId, Guid OrganizationId)> pairs, CancellationToken cancellationToken)
    {
        var byOrganization = pairs.Distinct().GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.Select(p => p.AccountId).ToList());
        if (byOrganization.Count == 0) return;
        var ids = byOrganization.Keys.ToList();
        var places = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.MunicipalityCodes }).ToDictionaryAsync(o => o.Id, o => o.MunicipalityCodes.FirstOrDefault() ?? "", cancellationToken);
        var people = byOrganization.Values.SelectMany(a => a).Distinct().ToList();
        var before = await IndicatorScopesAsync(people, cancellationToken);
        foreach (var (organizationId, accounts) in byOrganization)
        {
            // A pair of an organization deleted since the change has nothing left to compute.
            if (!places.TryGetValue(organizationId, out var place)) continue;
            foreach (var chunk in accounts.Chunk(DefaultBatchSize))
                await UpdateBatchAsync(organizationId, place, chunk, cancellationToken);
        }
        await Insights.Dashboards.DashboardPeople.UpdateAsync(db, people, cancellationToken);
        var after = await IndicatorScopesAsync(people, cancellationToken);
        await IndicatorSnapshots.RaiseAsync(db, [.. ids, .. before.Organizations, .. after.Organizations], [.. before.Municipalities, .. after.Municipalities], cancellationToken);
    }

    /// <summary>
    /// Whose indicators the people's journeys feed (docs/indicators.md): the organizations and municipalities where they
    /// take part (shared participants connect organizations) and, for people who co-organise, the organizations they
    /// belong to and co-organise for (shared projects). A membership alone, like a founder's, touches only its own
    /// organization, which the caller raises anyway.
    /// </summary>
    private async Task<(List<Guid> Organizations, List<string> Municipalities)> IndicatorScopesAsync(List<Guid> people, CancellationToken cancellationToken)
    {
        var organizations = new List<Guid>();
        var municipalities = new List<string>();
        foreach (var chunk in people.Chunk(DefaultBatchSize))
        {
            var journeys = await db.Journeys.AsNoTracking().Where(j => chunk.Contains(j.AccountId) && j.Activities > 0)
                .Select(j => new { j.OrganizationId, j.MunicipalityCode }).ToListAsync(cancellationToken);
            organizations.AddRange(journeys.Select(j => j.OrganizationId));
            municipalities.AddRange(journeys.Select(j => j.MunicipalityCode));
            var coOrganizing = await db.CoOrganizers.AsNoTracking().Where(c => chunk.Contains(c.AccountId))
                .Select(c => new { c.AccountId, c.OrganizationId }).Distinct().ToListAsync(cancellationToken);
            if (coOrganizing.Count == 0) continue;
            var coOrganizers = coOrganizing.Select(c => c.AccountId).Distinct().ToList();
            organizations.AddRange(coOrganizing.Select(c => c.OrganizationId));
            organizations.AddRange(await db.Memberships.AsNoTracking().Where(m => coOrganizers.Contains(m.AccountId)).Select(m => m.OrganizationId).ToListAsync(cancellationToken));
        }
        return (organizations, municipalities);
    }

    /// <summary>
    /// Recomputes every pair of every organization, in batches of <paramref name="batchSize"/> people: for after a bulk
    /// load (the prefecture-scale seed) or a change of thresholds. Returns the number of pairs looked at.
    /// </summary>
    public async Task<int> UpdateAllAsync(int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.MunicipalityCodes }).ToListAsync(cancellationToken);
        var total = 0;
        foreach (var organization in organizations)
        {
            var id = organization.Id;
            var accounts = new HashSet<Guid>();
            accounts.UnionWith(await db.SignUps.AsNoTracking().Where(s => s.OrganizationId == id && s.CheckedInAt != null).Select(s => s.AccountId).Distinct().ToListAsync(cancellationToken));
            accounts.UnionWith(await db.HoursReports.AsNoTracking().Where(r => r.OrganizationId == id && r.Status == HoursReportStatus.Approved).Select(r => r.AccountId).Distinct().ToListAsync(cancellationToken));
            accounts.UnionWith(await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == id).Select(m => m.AccountId).ToListAsync(cancellationToken));
            accounts.UnionWith(await db.CoOrganizers.AsNoTracking().Where(c => c.OrganizationId == id).Select(c => c.AccountId).Distinct().ToListAsync(cancellationToken));
            // Journeys whose records are gone are looked at too, so that they are removed.
            accounts.UnionWith(await db.Journeys.AsNoTracking().Where(j => j.OrganizationId == id).Select(j => j.AccountId).ToListAsync(cancellationToken));
            foreach (var chunk in accounts.Order().Chunk(batchSize))
                await UpdateBatchAsync(id, organization.MunicipalityCodes.FirstOrDefault() ?? "", chunk, cancellationToken);
            total += accounts.Count;
        }
        // Every figure may have moved (new thresholds): the stored indicators are computed again when next read.
        await db.IndicatorSnapshots.ExecuteDeleteAsync(cancellationToken);
        await Insights.Dashboards.DashboardPeople.RebuildAsync(db, cancellationToken);
        return total;
    }

    private async Task UpdateBatchAsync(Guid organizationId, string fallbackMunicipality, IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var attended = await db.SignUps.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && accountIds.Contains(s.AccountId) && s.CheckedInAt != null)
            .Join(db.Opportunities, s => s.OpportunityId, o => o.Id, (s, o) => new { s.AccountId, s.CheckedInAt, s.Hours, o.MunicipalityCode, o.IsOnline })
            .ToListAsync(cancellationToken);
        var reports = await db.HoursReports.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && accountIds.Contains(r.AccountId) && r.Status == HoursReportStatus.Approved)
            .Select(r => new { r.AccountId, r.Date, r.Hours })
            .ToListAsync(cancellationToken);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && accountIds.Contains(m.AccountId))
            .Select(m => new { m.AccountId, m.JoinedAt, m.Role })
            .ToListAsync(cancellationToken);
        var coOrganizers = await db.CoOrganizers.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && accountIds.Contains(c.AccountId))
            .Select(c => new { c.AccountId, c.AddedAt })
            .ToListAsync(cancellationToken);
        var journeys = await db.Journeys
            .Where(j => j.OrganizationId == organizationId && accountIds.Contains(j.AccountId))
            .ToDictionaryAsync(j => j.AccountId, cancellationToken);
        var recorded = (await db.StageTransitions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && accountIds.Contains(t.AccountId))
            .Select(t => new { t.AccountId, t.To })
            .ToListAsync(cancellationToken))
            .ToLookup(t => t.AccountId, t => t.To);

        var activities = attended
            .Select(s => (s.AccountId, Activity: new JourneyRules.Activity(s.CheckedInAt!.Value, s.Hours ?? 0, s.IsOnline ? "" : s.MunicipalityCode)))
            .Concat(reports.Select(r => (r.AccountId, Activity: ReportActivity(r.Date, r.Hours))))
            .ToLookup(a => a.AccountId, a => a.Activity);
        var roles = memberships
            .Select(m => (m.AccountId, Role: MembershipRole(m.JoinedAt, m.Role)))
            .Concat(coOrganizers.Select(c => (c.AccountId, Role: new JourneyRules.Role(c.AddedAt, StageCause.CoOrganizer, "co-organizer"))))
            .ToLookup(r => r.AccountId, r => r.Role);

        foreach (var accountId in accountIds)
        {
            var outcome = JourneyRules.Evaluate(activities[accountId], roles[accountId], fallbackMunicipality, settings, now);
            journeys.TryGetValue(accountId, out var journey);
            if (outcome is null)
            {
                // Records withdrawn (a check-in undone, a membership ended without activity): no journey, history kept.
                if (journey is not null) db.Journeys.Remove(journey);
                continue;
            }
            if (journey is null)
            {
                journey = new Journey(accountId, organizationId);
                db.Journeys.Add(journey);
            }
            Apply(journey, outcome);
            db.StageTransitions.AddRange(NewTransitions(accountId, organizationId, outcome, recorded[accountId].ToHashSet()));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>An approved hours report as the rules see it: activity at midnight Japan time of its date, anywhere.</summary>
    public static JourneyRules.Activity ReportActivity(DateOnly date, decimal hours) => new(JourneyRules.StartOfDay(date), hours, "");

    public static JourneyRules.Role MembershipRole(DateTimeOffset joinedAt, Organizations.MembershipRole role) =>
        new(joinedAt, StageCause.Membership, "membership: " + role);

    /// <summary>
    /// Sets a journey to an outcome. Assigning equal values leaves a tracked entity unchanged, so a recomputation with the
    /// same records writes nothing. Public for the prefecture-scale seed, which computes journeys as it generates them.
    /// </summary>
    public static void Apply(Journey journey, JourneyRules.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(outcome);
        journey.Stage = outcome.Stage;
        journey.StageSince = outcome.StageSince;
        journey.FirstActivityAt = outcome.FirstActivityAt;
        journey.LastActivityAt = outcome.LastActivityAt;
        journey.Activities = outcome.Activities;
        journey.Hours = outcome.Hours;
        journey.MunicipalityCode = outcome.MunicipalityCode;
    }

    /// <summary>The stages of an outcome not yet <paramref name="known"/> (already stored), each from the highest stage below it.</summary>
    public static IEnumerable<StageTransition> NewTransitions(Guid accountId, Guid organizationId, JourneyRules.Outcome outcome, IReadOnlySet<JourneyStage> known)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(known);
        foreach (var stage in outcome.Reached)
        {
            if (known.Contains(stage.Stage)) continue;
            JourneyStage? from = outcome.Reached.Select(r => r.Stage).Concat(known).Where(s => s < stage.Stage).Select(s => (JourneyStage?)s).Max();
            var detail = stage.Detail.Length > StageTransition.MaxDetailLength ? stage.Detail[..StageTransition.MaxDetailLength] : stage.Detail;
            yield return new StageTransition(accountId, organizationId, from, stage.Stage, stage.At, stage.Cause, detail);
        }
    }
}
