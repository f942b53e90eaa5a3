using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.ProBono.Projects;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>
/// The public summary of a fiscal year's support for the region's organizations (地域からの支援の総額), and the flow of
/// money from funds and other givers to organizations and on to their projects. It shows totals only: people who gave
/// are one aggregate node, never names, so the page can be public. Money moving between funds and organizations is
/// counted once, where it arrives at an organization; money a fund still holds is shown beside it.
/// </summary>
public sealed class CommunitySupport(AppDbContext db, PlatformMeasures measures, IOptions<LedgerOptions> options, IOptions<ProBonoOptions> proBono)
{
    public async Task<SupportSummary> ForAsync(FiscalYear year, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.OccurredOn >= year.Start && e.OccurredOn <= year.End)
            .ToListAsync(cancellationToken);
        var received = entries.Where(e => e.Owner == LedgerOwner.Organization && e.Flow == LedgerFlow.In).ToList();
        var hours = await measures.VolunteerHoursAsync(null, year.Start, year.End, cancellationToken);
        var proBonoTime = await db.DonatedTimes.AsNoTracking().Where(t => t.On >= year.Start && t.On <= year.End)
            .Select(t => new { t.Skill, t.Hours }).ToListAsync(cancellationToken);
        var work = new DonatedWork(hours, Math.Round(hours * options.Value.VolunteerHourValue, 0, MidpointRounding.AwayFromZero),
            proBonoTime.Sum(t => t.Hours), proBono.Value.Value(proBonoTime.Select(t => (t.Skill, t.Hours))));
        var names = await NamesAsync(received.Select(e => e.OwnerId).Concat(entries.Where(e => e.Owner == LedgerOwner.Fund).Select(e => e.OwnerId)), cancellationToken);
        return new SupportSummary(
            year,
            received.Where(e => e.IsMoney).GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(e => e.Amount))).ToList(),
            received.Where(e => !e.IsMoney).Sum(e => e.Amount),
            entries.Where(e => e.Owner == LedgerOwner.Fund && e.Flow == LedgerFlow.In && e.TransferId == null).Sum(e => e.Amount),
            work,
            received.GroupBy(e => e.OwnerId)
                .Select(g => new OrganizationSupport(g.Key, names.GetValueOrDefault(g.Key, ""), g.Sum(e => e.Amount)))
                .OrderByDescending(o => o.Amount).ThenBy(o => o.Name, StringComparer.Ordinal).Take(TopOrganizations).ToList(),
            MoneyFlow.From(received.Where(e => e.IsMoney), names));
    }

    public const int TopOrganizations = 10;

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => wanted.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var funds = await db.Funds.AsNoTracking().Where(f => wanted.Contains(f.Id)).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        return organizations.Concat(funds).ToDictionary(x => x.Id, x => x.Name);
    }
}

public sealed record OrganizationSupport(Guid Id, string Name, decimal Amount);

public sealed record SupportSummary(
    FiscalYear Year,
    IReadOnlyList<(LedgerEntryKind Kind, decimal Amount)> MoneyByKind,
    decimal InKind,
    decimal RaisedByFunds,
    DonatedWork Work,
    IReadOnlyList<OrganizationSupport> TopOrganizations,
    MoneyFlow Flow)
{
    public decimal Money => MoneyByKind.Sum(k => k.Amount);

    public decimal Total => Money + InKind + Work.VolunteerValue + Work.ProBonoValue;
}
