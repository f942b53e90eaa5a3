using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>A frozen evaluation as the snapshots page and the report show it: its phase, note, who froze it and what.</summary>
public sealed record FrozenEvaluation(EvaluationPhase Phase, string Note, DateTimeOffset FrozenAt, string? FrozenBy, SnapshotContent Content)
{
    /// <summary>A row of the comparison: an indicator (named as in its latest snapshot) and its actual in each phase.</summary>
    public sealed record ComparisonRow(string Name, string Element, string Unit, IReadOnlyList<decimal?> Actuals, decimal? Change);

    /// <summary>A model's frozen evaluations, pre first.</summary>
    public static async Task<IReadOnlyList<FrozenEvaluation>> ReadAsync(AppDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.EvaluationSnapshots.AsNoTracking().Where(s => s.LogicModelId == modelId).ToListAsync(cancellationToken);
        var by = rows.Where(r => r.FrozenBy is not null).Select(r => r.FrozenBy!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => by.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return rows.OrderBy(r => r.Phase)
            .Select(r => new FrozenEvaluation(r.Phase, r.Note, r.FrozenAt, r.FrozenBy is { } who ? names.GetValueOrDefault(who) : null, SnapshotContent.Read(r.Content)))
            .ToList();
    }

    /// <summary>The comparison's rows: every indicator of any snapshot, in the order they first appear, with its actual per phase frozen.</summary>
    public static IReadOnlyList<ComparisonRow> Compare(IReadOnlyList<FrozenEvaluation> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var ids = snapshots.SelectMany(s => s.Content.Indicators.Select(i => i.Id)).Distinct().ToList();
        return ids.Select(id =>
        {
            var found = snapshots.Select(s => s.Content.Indicators.FirstOrDefault(i => i.Id == id)).ToList();
            var latest = found.Last(f => f is not null)!;
            var actuals = found.Select(f => f?.Actual).ToList();
            var pre = snapshots.Count > 1 && snapshots[0].Phase == EvaluationPhase.Pre ? actuals[0] : null;
            var last = actuals.Count > 1 ? actuals[^1] : null;
            return new ComparisonRow(latest.Name, latest.Element, latest.Unit, actuals, pre is { } a && last is { } b ? b - a : null);
        }).ToList();
    }
}
