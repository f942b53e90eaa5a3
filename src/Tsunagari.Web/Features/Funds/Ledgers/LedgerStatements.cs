using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.ProBono.Projects;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>
/// An account's ledger for a fiscal year (or all years): its entries, money in and out, in-kind gifts, and, for an
/// organization, the non-money contributions valued when read: volunteer hours (as the impact indicators count them:
/// checked-in hours plus approved reports) at <see cref="LedgerOptions.VolunteerHourValue"/>, and pro bono hours at the
/// pro bono feature's professional rates. They are valued on reading, not stored, so a corrected rate or hour changes
/// every statement at once and nothing drifts.
/// </summary>
public sealed class LedgerStatements(AppDbContext db, PlatformMeasures measures, IOptions<LedgerOptions> options, IOptions<ProBonoOptions> proBono)
{
    private static readonly FiscalYear Always = new(FiscalYear.First);

    public async Task<Statement> ForAsync(LedgerAccount account, FiscalYear? year, CancellationToken cancellationToken)
    {
        var (from, to) = year is { } y ? (y.Start, y.End) : (Always.Start, new FiscalYear(FiscalYear.Last).End);
        // Summed here, not in SQL: SQLite cannot sum decimals, and an account's entries for a year are few.
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Owner == account.Owner && e.OwnerId == account.OwnerId && e.OccurredOn >= from && e.OccurredOn <= to)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt)
            .ToListAsync(cancellationToken);
        var work = account.Owner == LedgerOwner.Organization
            ? await WorkAsync(account.OwnerId, from, to, cancellationToken)
            : new DonatedWork(0, 0, 0, 0);
        return new Statement(entries, work);
    }

    private async Task<DonatedWork> WorkAsync(Guid organizationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var volunteerHours = await measures.VolunteerHoursAsync(organizationId, from, to, cancellationToken);
        var proBonoTime = await db.DonatedTimes.AsNoTracking()
            .Where(t => t.On >= from && t.On <= to && db.ProBonoProjects.Any(p => p.Id == t.ProjectId && p.OrganizationId == organizationId))
            .Select(t => new { t.Skill, t.Hours })
            .ToListAsync(cancellationToken);
        return new DonatedWork(
            volunteerHours,
            Math.Round(volunteerHours * options.Value.VolunteerHourValue, 0, MidpointRounding.AwayFromZero),
            proBonoTime.Sum(t => t.Hours),
            proBono.Value.Value(proBonoTime.Select(t => (t.Skill, t.Hours))));
    }
}

/// <summary>Volunteer and pro bono hours given to an organization, and their value in yen.</summary>
public sealed record DonatedWork(decimal VolunteerHours, decimal VolunteerValue, decimal ProBonoHours, decimal ProBonoValue);

public sealed record Statement(IReadOnlyList<LedgerEntry> Entries, DonatedWork Work)
{
    public decimal MoneyIn => Entries.Where(e => e.IsMoney && e.Flow == LedgerFlow.In).Sum(e => e.Amount);

    public decimal MoneyOut => Entries.Where(e => e.IsMoney && e.Flow == LedgerFlow.Out).Sum(e => e.Amount);

    /// <summary>Money in less money out over the statement's period (over all years: the account's balance).</summary>
    public decimal Net => MoneyIn - MoneyOut;

    public decimal InKind => Entries.Where(e => !e.IsMoney).Sum(e => e.Amount);

    /// <summary>Total community support (地域からの支援の総額): money received, in-kind gifts, and volunteer and pro bono time valued in yen.</summary>
    public decimal CommunitySupport => MoneyIn + InKind + Work.VolunteerValue + Work.ProBonoValue;

    /// <summary>Money in and out by kind, for the summary table.</summary>
    public IReadOnlyList<(LedgerEntryKind Kind, decimal In, decimal Out)> ByKind =>
        Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Where(e => e.Flow == LedgerFlow.In).Sum(e => e.Amount), g.Where(e => e.Flow == LedgerFlow.Out).Sum(e => e.Amount)))
            .ToList();
}
