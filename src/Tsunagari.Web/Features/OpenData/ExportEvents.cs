using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// Published opportunities as the standard 「イベント一覧」 CSV: one row per occurrence starting in the next 90 days,
/// recurrences expanded in Asia/Tokyo with their exception dates skipped.
/// </summary>
public sealed class ExportEvents(AppDbContext db, Japan japan, TimeProvider clock)
{
    public const int Days = 90;

    // 「オンライン」 as the place of an online event: data of the Japanese standard, not interface text.
    private const string Online = "\u30AA\u30F3\u30E9\u30A4\u30F3";

    /// <param name="municipalityCodes">Null for all; otherwise the municipality and its wards.</param>
    public async Task<byte[]> RunAsync(IReadOnlyCollection<string>? municipalityCodes, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(municipalityCodes, baseUrl, stream, cancellationToken);
        return stream.ToArray();
    }

    /// <summary>The CSV written to <paramref name="output"/> (see <see cref="OpenDataFiles"/>).</summary>
    public async Task WriteAsync(IReadOnlyCollection<string>? municipalityCodes, Uri baseUrl, Stream output, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(Days);
        var query = db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published);
        if (municipalityCodes is not null) query = query.Where(o => municipalityCodes.Contains(o.MunicipalityCode));
        // A recurring opportunity may have started long ago; a one-off one must start in the window.
        query = query.Where(o => o.RecurrenceRule != null || o.StartsAt >= now);
        var opportunities = await query.ToListAsync(cancellationToken);
        var organizationIds = opportunities.Select(o => o.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var rows = opportunities
            .SelectMany(o => Recurrence.Occurrences(o, now, until).Select(when => (Opportunity: o, when.Start, when.End)))
            .OrderBy(r => r.Start).ThenBy(r => r.Opportunity.Title, StringComparer.Ordinal)
            .ToList();

        // UTF-8 with a byte order mark: Excel, which many municipal staff open these files with, reads UTF-8 without
        // it as Shift_JIS and garbles the Japanese; other CSV readers skip the mark.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true);
        csv.WriteRecord(EventListColumns.All.ToArray());
        var no = 0;
        foreach (var (o, start, end) in rows)
            csv.WriteRecord(Row(++no, o, start, end, organizations.GetValueOrDefault(o.OrganizationId, ""), baseUrl));
    }

    private string[] Row(int no, Opportunity o, DateTimeOffset start, DateTimeOffset end, string organization, Uri baseUrl)
    {
        static string Date(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, JapanTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, JapanTime.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var municipality = japan.Municipality(o.MunicipalityCode);
        var parent = municipality?.ParentCode is { } p ? japan.Municipality(p) : null;
        var row = new string[EventListColumns.Count];
        Array.Fill(row, "");
        row[EventListColumns.Code] = o.MunicipalityCode;
        row[EventListColumns.No] = no.ToString(CultureInfo.InvariantCulture);
        row[EventListColumns.PrefectureName] = municipality is null ? "" : japan.Prefecture(municipality.PrefectureCode)?.Name ?? "";
        row[EventListColumns.MunicipalityName] = (parent?.Name ?? "") + (municipality?.Name ?? "");
        row[EventListColumns.Title] = Inert(o.Title);
        row[EventListColumns.StartDate] = Date(start);
        row[EventListColumns.EndDate] = Date(end);
        row[EventListColumns.StartTime] = Time(start);
        row[EventListColumns.EndTime] = Time(end);
        row[EventListColumns.Description] = Inert(MarkdownHtml.PlainText(o.Description));
        row[EventListColumns.FeeBasic] = o.FeeYen?.ToString("0", CultureInfo.InvariantCulture) ?? "";
        row[EventListColumns.ContactName] = Inert(organization);
        row[EventListColumns.ContactPhone] = Inert(o.ContactPhone);
        row[EventListColumns.Organizer] = Inert(organization);
        row[EventListColumns.VenueName] = o.VenueName.Length > 0 ? Inert(o.VenueName) : o.IsOnline ? Online : "";
        row[EventListColumns.Address] = Inert(o.VenueAddress);
        row[EventListColumns.Latitude] = o.Latitude?.ToString(CultureInfo.InvariantCulture) ?? "";
        row[EventListColumns.Longitude] = o.Longitude?.ToString(CultureInfo.InvariantCulture) ?? "";
        row[EventListColumns.Capacity] = o.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (o.ApplicationDeadline is { } deadline)
        {
            row[EventListColumns.DeadlineDate] = Date(deadline);
            row[EventListColumns.DeadlineTime] = Time(deadline);
        }
        row[EventListColumns.HowToApply] = Inert(o.ContactEmail);
        row[EventListColumns.Url] = new Uri(baseUrl, $"/opportunities/{o.Id}").ToString();
        return row;
    }

    /// <summary>
    /// Text that people wrote, made safe to open in a spreadsheet (CSV injection, OWASP): a cell that starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is a live formula in Excel and LibreOffice
    /// (<c>=HYPERLINK(…)</c>, <c>=cmd|…</c>), and municipal staff open this file in Excel. A leading apostrophe makes it
    /// text. Only columns written by people go through here: numbers, dates and codes the export writes itself never
    /// start with a formula, and an apostrophe would spoil them for programs (a negative longitude stays a number).
    /// </summary>
    internal static string Inert(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
