using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>A person's stages with each organization and the history of how they were reached.</summary>
public sealed class JourneyPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "journeys";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var journeys = await db.Journeys.AsNoTracking()
            .Where(j => j.AccountId == accountId)
            .Select(j => new
            {
                j.OrganizationId,
                Stage = j.Stage.ToString(),
                j.StageSince,
                j.FirstActivityAt,
                j.LastActivityAt,
                j.Activities,
                j.Hours,
                j.MunicipalityCode,
                j.ReinvitedAt,
            })
            .ToListAsync(cancellationToken);
        var transitions = await db.StageTransitions.AsNoTracking()
            .Where(t => t.AccountId == accountId)
            .OrderBy(t => t.Id)
            .Select(t => new { t.OrganizationId, From = t.From.HasValue ? t.From.Value.ToString() : null, To = t.To.ToString(), t.At, Cause = t.Cause.ToString(), t.Detail })
            .ToListAsync(cancellationToken);
        return new { journeys, transitions };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // The figures and lists of people that counted this person are current no longer.
        var counted = await db.Journeys.AsNoTracking().Where(j => j.AccountId == accountId)
            .Select(j => new { j.OrganizationId, j.MunicipalityCode }).ToListAsync(cancellationToken);
        await IndicatorSnapshots.RaiseAsync(db, counted.Select(j => j.OrganizationId), counted.Select(j => j.MunicipalityCode), cancellationToken);
        await db.StageTransitions.Where(t => t.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Journeys.Where(j => j.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        // The person no longer counts in the regional dashboards.
        await Insights.Dashboards.DashboardPeople.UpdateAsync(db, [accountId], cancellationToken);
        await db.JourneyChanges.Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
    }
}
