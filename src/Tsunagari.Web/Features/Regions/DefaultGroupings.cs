using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Regions;

/// <summary>
/// Gives a Chiba deployment its regional groupings on first start. Reference data, not demo data; it never overwrites
/// what prefecture admins have defined, and other prefectures start without groupings.
/// </summary>
public sealed class DefaultGroupings(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options) : ISeed
{
    public bool IsDemo => false;

    public async Task RunAsync()
    {
        if (options.Value.Prefecture != ChibaGroupings.PrefectureCode) return;
        if (await db.RegionalGroupings.AnyAsync(g => g.PrefectureCode == ChibaGroupings.PrefectureCode)) return;
        db.RegionalGroupings.AddRange(ChibaGroupings.Create(japan));
        await db.SaveChangesAsync();
    }
}
