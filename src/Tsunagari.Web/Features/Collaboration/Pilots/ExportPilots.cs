using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration.Initiatives;
using Tsunagari.Features.OpenData;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The government view's pilots as CSV, with their results: one row per pilot that passes the view's filter (the call's
/// department, the proposal's municipality), newest first, with the latest final report's results against the goals and
/// the decision after the pilot with its reasons. A proposal is named by its organization, never by a person. Written
/// like <see cref="ExportInitiatives"/>: a header in the reader's language, UTF-8 with a byte order mark, CRLF.
/// </summary>
public sealed class ExportPilots(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public static readonly string[] Header =
        ["ID", "試行", "提案した団体", "部署", "市区町村", "開始日時", "最終報告の提出日時", "目標に対する成果", "試行後の判断", "判断の理由", "判断日時"];

    public async Task<byte[]> RunAsync(InitiativeFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pilots = from p in db.CollaborationPilots.AsNoTracking()
                     join pr in db.CollaborationProposals on p.ProposalId equals pr.Id
                     join c in db.CollaborationCalls on pr.CallId equals c.Id
                     select new { p.Id, p.StartedAt, p.Decision, p.DecisionReason, p.DecidedAt, pr.Title, pr.OrganizationId, pr.MunicipalityCode, c.Department };
        if (filter.Department is { } department) pilots = pilots.Where(x => x.Department == department);
        if (filter.Municipality is { } code) pilots = pilots.Where(x => x.MunicipalityCode == code);
        var rows = await pilots.OrderByDescending(x => x.StartedAt).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var finals = (await db.PilotReports.AsNoTracking().Where(r => r.Kind == PilotReportKind.Final && ids.Contains(r.PilotId))
                .Select(r => new { r.PilotId, r.ResultsAgainstGoals, r.SubmittedAt }).ToListAsync(cancellationToken))
            .GroupBy(r => r.PilotId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.SubmittedAt)!);
        var organizationIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord(Header.Select(h => h == "ID" ? h : l[h].Value).ToArray());
            foreach (var r in rows)
            {
                var final = finals.GetValueOrDefault(r.Id);
                string[] row =
                [
                    r.Id.ToString(),
                    ExportEvents.Inert(r.Title),
                    ExportEvents.Inert(r.OrganizationId is { } o ? organizations.GetValueOrDefault(o) ?? "" : ""),
                    ExportEvents.Inert(r.Department),
                    r.MunicipalityCode is { } m ? string.Join(' ', InitiativeList.MunicipalityNames([m])) : "",
                    Time(r.StartedAt),
                    final is null ? "" : Time(final.SubmittedAt),
                    ExportEvents.Inert(final?.ResultsAgainstGoals ?? ""),
                    r.Decision is { } decision ? l[CollaborationText.For(decision)] : l["まだ判断していません"],
                    ExportEvents.Inert(r.DecisionReason),
                    r.DecidedAt is { } decided ? Time(decided) : "",
                ];
                csv.WriteRecord(row);
            }
        }
        return stream.ToArray();
    }

    private static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, JapanTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
