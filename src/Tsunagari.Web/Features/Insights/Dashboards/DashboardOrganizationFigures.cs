using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// Replaces the organization, opportunity and money measures (<see cref="RegionalMeasures.Periodic"/>) from a few
/// GROUP BY queries, all in one transaction, so a dashboard never sees half a refresh. Run every few minutes by
/// <see cref="DashboardRefresher"/>; cheap at prefecture scale (20,000 organizations, 200,000 opportunities). An
/// organization's figures go to its first municipality, as its journeys' fallback does.
/// </summary>
public static class DashboardOrganizationFigures
{
    public static async Task<int> RefreshAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var totals = new Dictionary<FigureKey, decimal>();
        void Add(string code, string measure, string key, int quarter, decimal value) =>
            totals[new(code, measure, key, quarter)] = totals.GetValueOrDefault(new(code, measure, key, quarter)) + value;

        var organizations = (await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Kind, o.MunicipalityCodes }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => (o.Kind, Code: o.MunicipalityCodes.FirstOrDefault() ?? RegionalFigure.NoMunicipality));
        string PlaceOf(Guid organizationId) => organizations.TryGetValue(organizationId, out var o) ? o.Code : RegionalFigure.NoMunicipality;
        foreach (var (_, (kind, code)) in organizations) Add(code, RegionalMeasures.Organizations, kind.ToString(), RegionalFigure.AllTime, 1);

        var current = RegionalFigure.QuarterOf(Platform.JapanTime.Date(now));
        var spans = await db.Journeys.AsNoTracking().Where(j => j.Activities > 0).GroupBy(j => j.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, First = g.Min(j => j.FirstActivityAt), Last = g.Max(j => j.LastActivityAt) })
            .ToListAsync(cancellationToken);
        foreach (var span in spans)
        {
            if (!organizations.TryGetValue(span.OrganizationId, out var o)) continue;
            var last = Math.Min(RegionalFigure.QuarterOf(Platform.JapanTime.Date(span.Last)), current);
            for (var q = RegionalFigure.QuarterOf(Platform.JapanTime.Date(span.First)); q <= last; q = RegionalFigure.NextQuarter(q))
                Add(o.Code, RegionalMeasures.ActiveOrganizations, o.Kind.ToString(), q, 1);
        }

        var ways = await db.WaysToTakePart.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Key, cancellationToken);
        await foreach (var opportunity in db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published)
            .Select(o => new { o.MunicipalityCode, o.IsOnline, o.Fields, o.Ways }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var code = opportunity.IsOnline ? RegionalFigure.NoMunicipality : opportunity.MunicipalityCode;
            foreach (var field in opportunity.Fields.Distinct()) Add(code, RegionalMeasures.OpportunitiesByField, field.ToString(System.Globalization.CultureInfo.InvariantCulture), RegionalFigure.AllTime, 1);
            foreach (var way in opportunity.Ways.Distinct()) if (ways.TryGetValue(way, out var key)) Add(code, RegionalMeasures.OpportunitiesByWay, key, RegionalFigure.AllTime, 1);
        }

        // Money received by an organization's ledger; a fund's own donations belong to no municipality.
        var donations = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.Donation && e.Flow == LedgerFlow.In && e.IsMoney)
            .GroupBy(e => new { e.Owner, e.OwnerId, e.OccurredOn })
            .Select(g => new { g.Key.Owner, g.Key.OwnerId, g.Key.OccurredOn, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(cancellationToken);
        foreach (var d in donations)
            Add(d.Owner == LedgerOwner.Organization ? PlaceOf(d.OwnerId) : RegionalFigure.NoMunicipality, RegionalMeasures.Donations, "", RegionalFigure.QuarterOf(d.OccurredOn), d.Amount);
        var grants = await db.GrantAwards.AsNoTracking().GroupBy(a => new { a.OrganizationId, a.AwardedOn })
            .Select(g => new { g.Key.OrganizationId, g.Key.AwardedOn, Amount = g.Sum(a => a.Amount) }).ToListAsync(cancellationToken);
        foreach (var g in grants) Add(PlaceOf(g.OrganizationId), RegionalMeasures.Grants, "", RegionalFigure.QuarterOf(g.AwardedOn), g.Amount);

        var projects = await db.ProBonoProjects.AsNoTracking().GroupBy(p => new { p.OrganizationId, p.Status })
            .Select(g => new { g.Key.OrganizationId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var p in projects) Add(PlaceOf(p.OrganizationId), RegionalMeasures.ProBonoProjects, p.Status.ToString(), RegionalFigure.AllTime, p.Count);

        var pilots = await db.CollaborationPilots.AsNoTracking()
            .Join(db.Initiatives, p => p.InitiativeId, i => i.Id, (p, i) => new { p.Decision, i.Municipalities })
            .ToListAsync(cancellationToken);
        foreach (var p in pilots)
            Add(p.Municipalities.FirstOrDefault() ?? RegionalFigure.NoMunicipality, RegionalMeasures.Pilots, p.Decision?.ToString() ?? PilotRunning, RegionalFigure.AllTime, 1);

        return await ReplaceAsync(db, totals, cancellationToken);
    }

    /// <summary>The key of pilots not decided yet.</summary>
    public const string PilotRunning = "Running";

    private static async Task<int> ReplaceAsync(AppDbContext db, Dictionary<FigureKey, decimal> totals, CancellationToken cancellationToken)
    {
        var measures = RegionalMeasures.Periodic;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RegionalFigures.Where(f => measures.Contains(f.Measure)).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in totals.Where(t => t.Value != 0).Chunk(DashboardPeople.BatchSize))
        {
            db.RegionalFigures.AddRange(chunk.Select(t => new RegionalFigure(t.Key.MunicipalityCode, t.Key.Measure, t.Key.Key, t.Key.Quarter, t.Value)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return totals.Count;
    }
}
