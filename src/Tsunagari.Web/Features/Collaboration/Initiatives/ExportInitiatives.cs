using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.OpenData;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// The government view's list as CSV: one row per active initiative that passes the filter, in the list's order, with a
/// header in the reader's language. UTF-8 with a byte order mark and CRLF, like the open-data export, so Excel reads it.
/// </summary>
public sealed class ExportInitiatives(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
        ["ID", "タイトル", "担い手の種類", "担い手", "市区町村", "型", "段階", "向かう先の型", "向かう先の段階", "目標の時期", "枠組みの課題", "枠組みの方策", "更新日時"];

    public async Task<byte[]> RunAsync(InitiativeFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var initiatives = await InitiativeList.Ordered(filter.Apply(db.Initiatives.AsNoTracking())).ToListAsync(cancellationToken);
        var names = await InitiativeList.OrganizationNamesAsync(db, initiatives, cancellationToken);
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord(Header.Select(h => h == "ID" ? h : l[h].Value).ToArray());
            foreach (var initiative in initiatives) csv.WriteRecord(Row(initiative, names));
        }
        return stream.ToArray();
    }

    private string[] Row(Initiative i, IReadOnlyDictionary<Guid, string> names)
    {
        static string Numbers(IEnumerable<int> numbers) => string.Join(' ', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var municipalities = InitiativeList.MunicipalityNames(i.Municipalities);
        return
        [
            i.Id.ToString(),
            ExportEvents.Inert(i.Title),
            l[CollaborationText.For(i.OwnerKind)],
            ExportEvents.Inert(InitiativeList.Owner(i, names)),
            municipalities.Count == 0 ? l["県全域"] : string.Join(' ', municipalities),
            $"{CollaborationText.Mark(i.Type)} {l[CollaborationText.For(i.Type)]}",
            i.Stage is { } stage ? l[CollaborationText.For(stage)] : "",
            i.TargetType is { } target ? $"{CollaborationText.Mark(target)} {l[CollaborationText.For(target)]}" : "",
            i.TargetStage is { } targetStage ? l[CollaborationText.For(targetStage)] : "",
            i.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Numbers(i.Challenges),
            Numbers(i.Pathways),
            TimeZoneInfo.ConvertTime(i.UpdatedAt, JapanTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ];
    }
}
