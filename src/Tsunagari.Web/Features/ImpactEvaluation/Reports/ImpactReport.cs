using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.ImpactEvaluation.SroiMaps;

namespace Tsunagari.Features.ImpactEvaluation.Reports;

/// <summary>
/// Everything the impact report shows, read once: the model with its narrative, the indicators with their targets and
/// actuals, the SROI map's figures (when it has one) and the frozen evaluations. The same for the organization's page
/// and for the shared link.
/// </summary>
public sealed record ImpactReport(
    LogicModel Model,
    string OrganizationName,
    string? PilotTitle,
    DateOnly AsOf,
    IReadOnlyList<IndicatorProgress> Indicators,
    SroiResultsView.Reading? Sroi,
    IReadOnlyList<FrozenEvaluation> Snapshots)
{
    /// <param name="model">The model with its elements and links.</param>
    public static async Task<ImpactReport> ReadAsync(AppDbContext db, IndicatorValues values, LogicModel model, string organizationName, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(model);
        var indicators = await values.ReadAsync(model, today, cancellationToken);
        var map = await db.ImpactMaps.AsNoTracking().Include(m => m.Outcomes).SingleOrDefaultAsync(m => m.LogicModelId == model.Id, cancellationToken);
        var names = indicators.ToDictionary(i => i.Indicator.Id, i => i.Indicator.Name);
        var pilot = model.PilotId is { } pilotId
            ? await (from p in db.CollaborationPilots.AsNoTracking()
                     join proposal in db.CollaborationProposals on p.ProposalId equals proposal.Id
                     where p.Id == pilotId
                     select proposal.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new(model, organizationName, pilot, today, indicators,
            map is null || map.Outcomes.Count == 0 ? null : SroiResultsView.For(map, names, "report-sroi"),
            await FrozenEvaluation.ReadAsync(db, model.Id, cancellationToken));
    }
}
