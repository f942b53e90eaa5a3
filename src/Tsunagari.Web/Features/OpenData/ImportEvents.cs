using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// Reads a municipality's 「イベント一覧」 CSV into opportunities of one organization. <see cref="Plan"/> is the dry run
/// (what would be created, what is rejected with its line and reason); <see cref="ConfirmAsync"/> creates all of them,
/// published, in one transaction, and refuses while any row is rejected: all or nothing.
/// </summary>
public sealed class ImportEvents(AppDbContext db, SaveOpportunity save, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    // Words in the data that mean a number, written as escapes because they are data, not interface text to translate.
    private const string Yen = "\u5186", Free = "\u7121\u6599";
    private const char People = '\u4EBA';

    private static readonly SearchValues<byte> ControlBytes =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    public sealed record Planned(int Line, string Title, string MunicipalityCode, DateTimeOffset Start, DateTimeOffset End, OpportunityDetails Details);

    public sealed record Rejected(int Line, string Reason);

    public sealed record Result(IReadOnlyList<Planned> Created, IReadOnlyList<Rejected> Rejected, string? FileError)
    {
        public bool CanImport => FileError is null && Rejected.Count == 0 && Created.Count > 0;
    }

    /// <summary>
    /// The text of an uploaded file, or why it cannot be read (size, not text, not UTF-8). The file is judged by its bytes,
    /// not its name: a CSV saved as 「events.txt」 is read, a picture renamed 「events.csv」 is refused. Whether the text is
    /// the event list (its header) is for <see cref="PlanAsync"/>.
    /// </summary>
    public (string? Text, string? Error) Decode(long length, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length > MaxBytes || content.Length > MaxBytes)
            return (null, l["ファイルが大きすぎます。{0}MB以下にしてください。", MaxBytes / 1024 / 1024]);
        if (content.Length == 0) return (null, l["ファイルが空です。"]);
        // Text never holds control bytes other than tab and line breaks; images, archives and spreadsheets (.xlsx) do,
        // NUL above all. Checked before UTF-8, so a picture is not answered with advice about Shift_JIS.
        if (content.AsSpan().ContainsAny(ControlBytes))
            return (null, l["CSVのテキストファイルではありません。「イベント一覧」のCSVファイルを選んでください。"]);
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, l["ファイルを UTF-8 として読めません。Shift_JIS の場合は UTF-8 で保存し直してください。"]);
        }
    }

    public async Task<Result> PlanAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var created = new List<Planned>();
        var rejected = new List<Rejected>();
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true, MaxRecordSize = MaxBytes });
        IReadOnlyList<string> headers;
        try
        {
            headers = csv.Headers ?? [];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return new Result([], [], l["CSVの見出し行を読めません。"]);
        }
        var index = new Dictionary<int, int>();
        var normalized = headers.Select(EventListColumns.Normalize).ToList();
        var missing = new List<string>();
        for (var c = 0; c < EventListColumns.Count; c++)
        {
            var at = normalized.IndexOf(EventListColumns.Normalize(EventListColumns.All[c]));
            if (at >= 0) index[c] = at;
            else if (c is EventListColumns.Code or EventListColumns.Title or EventListColumns.StartDate) missing.Add(EventListColumns.All[c]);
        }
        if (missing.Count > 0)
            return new Result([], [], l["必要な列がありません：{0}（1行目は「イベント一覧」の見出しにしてください）", string.Join(", ", missing)]);

        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                var line = (int)csv.LineNumber;
                if (created.Count + rejected.Count >= MaxRows)
                    return new Result(created, rejected, l["行が多すぎます。{0}行以下に分けてください。", MaxRows]);
                string Cell(int column) => index.TryGetValue(column, out var i) && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
                var (planned, reason) = await RowAsync(line, Cell, cancellationToken);
                if (planned is not null) created.Add(planned);
                else rejected.Add(new Rejected(line, reason!));
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return new Result(created, rejected, l["CSVの形式が正しくありません（{0}行目付近）。", csv.RowNumber + 1]);
        }
        return new Result(created, rejected, null);
    }

    /// <returns>The number created, or null with the plan when something is rejected (then nothing was written).</returns>
    public async Task<(int? Count, Result Plan)> ConfirmAsync(Guid organizationId, string text, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(text, cancellationToken);
        if (!plan.CanImport) return (null, plan);
        var now = clock.GetUtcNow();
        // One SaveChanges in one explicit transaction: either every row becomes an opportunity or none does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var p in plan.Created)
        {
            var opportunity = new Opportunity(organizationId, p.Details, now);
            opportunity.Publish(now);
            db.Opportunities.Add(opportunity);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (plan.Created.Count, plan);
    }

    private async Task<(Planned?, string?)> RowAsync(int line, Func<int, string> cell, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        var title = cell(EventListColumns.Title);
        if (title.Length == 0) reasons.Add(l["イベント名がありません。"]);
        var code = cell(EventListColumns.Code);
        var startDate = Date(cell(EventListColumns.StartDate));
        if (cell(EventListColumns.StartDate).Length == 0) reasons.Add(l["開始日がありません。"]);
        else if (startDate is null) reasons.Add(l["開始日「{0}」を日付として読めません。", cell(EventListColumns.StartDate)]);
        var endDate = cell(EventListColumns.EndDate).Length == 0 ? startDate : Date(cell(EventListColumns.EndDate));
        if (endDate is null && cell(EventListColumns.EndDate).Length > 0) reasons.Add(l["終了日「{0}」を日付として読めません。", cell(EventListColumns.EndDate)]);
        var startTime = cell(EventListColumns.StartTime).Length == 0 ? TimeOnly.MinValue : Time(cell(EventListColumns.StartTime));
        if (startTime is null) reasons.Add(l["開始時間「{0}」を時刻として読めません。", cell(EventListColumns.StartTime)]);
        var endTime = cell(EventListColumns.EndTime).Length == 0 ? new TimeOnly(23, 59) : Time(cell(EventListColumns.EndTime));
        if (endTime is null) reasons.Add(l["終了時間「{0}」を時刻として読めません。", cell(EventListColumns.EndTime)]);

        var description = new StringBuilder(cell(EventListColumns.Description));
        void Note(int column)
        {
            var value = cell(column);
            if (value.Length > 0) description.Append(description.Length > 0 ? "\n\n" : "").Append(EventListColumns.All[column]).Append(": ").Append(value);
        }
        decimal? fee = null;
        var feeText = EventListColumns.Normalize(cell(EventListColumns.FeeBasic)).Replace(",", "", StringComparison.Ordinal).Replace(Yen, "", StringComparison.Ordinal).Trim();
        if (feeText.Length > 0)
        {
            if (string.Equals(feeText, Free, StringComparison.Ordinal)) fee = 0;
            else if (decimal.TryParse(feeText, NumberStyles.None, CultureInfo.InvariantCulture, out var yen)) fee = yen;
            else Note(EventListColumns.FeeBasic);
        }
        foreach (var column in new[] { EventListColumns.FeeDetail, EventListColumns.DateNotes, EventListColumns.Access, EventListColumns.Parking, EventListColumns.HowToApply, EventListColumns.Url, EventListColumns.Notes })
            Note(column);

        double? Number(int column)
        {
            var text = cell(column);
            if (text.Length == 0) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            reasons.Add(l["「{0}」の値「{1}」を数として読めません。", EventListColumns.All[column], text]);
            return null;
        }
        var latitude = Number(EventListColumns.Latitude);
        var longitude = Number(EventListColumns.Longitude);
        int? capacity = null;
        if (cell(EventListColumns.Capacity) is { Length: > 0 } capacityText)
        {
            if (int.TryParse(EventListColumns.Normalize(capacityText).TrimEnd(People), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) capacity = n;
            else reasons.Add(l["定員「{0}」を数として読めません。", capacityText]);
        }
        DateTime? deadline = null;
        if (cell(EventListColumns.DeadlineDate) is { Length: > 0 } deadlineText)
        {
            var deadlineTime = cell(EventListColumns.DeadlineTime).Length == 0 ? new TimeOnly(23, 59) : Time(cell(EventListColumns.DeadlineTime));
            if (Date(deadlineText) is { } d && deadlineTime is { } t) deadline = d.ToDateTime(t);
            else reasons.Add(l["参加申込終了日時「{0} {1}」を読めません。", deadlineText, cell(EventListColumns.DeadlineTime)]);
        }
        var venueName = cell(EventListColumns.VenueName);
        var address = (cell(EventListColumns.Address) + " " + cell(EventListColumns.AddressDetail)).Trim();

        var input = new OpportunityInput
        {
            Title = title.Length == 0 ? "-" : title,
            Description = description.ToString(),
            MunicipalityCode = code,
            IsOnline = venueName.Length == 0 && address.Length == 0,
            VenueName = venueName,
            VenueAddress = address,
            Latitude = latitude,
            Longitude = longitude,
            Start = startDate is { } sd && startTime is { } st ? sd.ToDateTime(st) : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            End = endDate is { } ed && endTime is { } et ? ed.ToDateTime(et) : new DateTime(2000, 1, 1, 1, 0, 0, DateTimeKind.Unspecified),
            Capacity = capacity,
            Deadline = deadline,
            FeeYen = fee,
            ContactPhone = cell(EventListColumns.ContactPhone),
        };
        var (details, errors) = await save.ValidateAsync(input, cancellationToken);
        foreach (var (key, messages) in errors)
        {
            if (key == nameof(OpportunityInput.MunicipalityCode))
                reasons.Add(code.Length == 0 ? l["市区町村コードがありません。"] : l["市区町村コード「{0}」はこの都道府県の市区町村ではありません。", code]);
            else reasons.AddRange(messages);
        }
        if (reasons.Count > 0 || details is null) return (null, string.Join(" ", reasons.Distinct(StringComparer.Ordinal)));
        return (new Planned(line, details.Title, details.MunicipalityCode, details.StartsAt, details.EndsAt, details), null);
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(EventListColumns.Normalize(text), ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(EventListColumns.Normalize(text), ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
