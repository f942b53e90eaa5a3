using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Regions;

/// <summary>Local challenges a staff member recorded: exported with their data, kept without their name when they leave.</summary>
public sealed class RegionsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "localChallengesRecorded";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.LocalChallenges.AsNoTracking().Where(c => c.RecordedBy == accountId)
            .Select(c => new { c.MunicipalityCode, c.Text, c.RecordedAt })
            .ToListAsync(cancellationToken);

    public Task EraseAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.LocalChallenges.Where(c => c.RecordedBy == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedBy, (Guid?)null), cancellationToken);
}
