using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Initiatives;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Policy;

/// <summary>
/// The policy registry for prefecture and municipal staff (the government side, as <see cref="CollaborationAccess"/>
/// defines it): which of the framework's 24 challenges and 27 pathways the active initiatives work on, by type and stage,
/// with 「施策なし」 where none does; and the progress of the indicators of the initiatives' pilots. Both tables export
/// as CSV (<c>?format=csv</c>, <c>&amp;table=progress</c>).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PolicyModel(AppDbContext db, Japan japan, IndicatorValues values, TimeProvider clock, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Logic models whose indicators are listed: enough for a prefecture's pilots, bounded so the page stays fast.</summary>
    public const int MaxModels = 100;

    public sealed record ProgressRow(Guid InitiativeId, string Initiative, string Model, IndicatorProgress Progress);

    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true, Name = "owner")] public string? OwnerText { get; set; }
    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }
    [BindProperty(SupportsGet = true, Name = "table")] public string? TableName { get; set; }

    public InitiativeOwnerKind? OwnerKind { get; private set; }
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public IReadOnlyList<CoverageRow> Rows { get; private set; } = [];
    public int InitiativeCount { get; private set; }
    public IReadOnlyList<ProgressRow> Progress { get; private set; } = [];
    public bool MoreModels { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CollaborationAccess.IsGovernmentStaff(User)) return NotFound();
        Municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
        if (Parse() is not { } filter) return Page();
        var query = filter.Apply(db.Initiatives.AsNoTracking());
        if (OwnerKind is { } kind) query = query.Where(i => i.OwnerKind == kind);
        var items = await query.Select(i => new { i.Type, i.Stage, i.Challenges, i.Pathways }).ToListAsync(cancellationToken);
        InitiativeCount = items.Count;
        Rows = PolicyCoverage.Compute([.. items.Select(i => new CoverageItem(i.Type, i.Stage, i.Challenges, i.Pathways))]);
        var format = Format?.Trim().ToLowerInvariant();
        if (format is "csv" && TableName is null or "" or "matrix") return File(MatrixCsv(), ExportInitiatives.ContentType, "policy-coverage.csv");
        Progress = await ProgressAsync(query, cancellationToken);
        if (format is "csv" && TableName == "progress") return File(ProgressCsv(), ExportInitiatives.ContentType, "policy-progress.csv");
        if (format is not (null or "" or "html"))
        {
            ModelState.AddModelError("format", l["形式は csv を指定してください。"]);
        }
        return Page();
    }

    private InitiativeFilter? Parse()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = InitiativeFilter.Parse(null, null, Municipality, null, null, null, null, l, errors);
        foreach (var (key, messages) in errors) ModelState.AddModelError(key, messages[0]);
        if (filter?.Municipality is { } code && Municipalities.All(m => m.Code != code))
            ModelState.AddModelError("municipality", l["コード「{0}」の市区町村は見つかりません。", code]);
        if (!string.IsNullOrWhiteSpace(OwnerText))
        {
            if (Enum.TryParse<InitiativeOwnerKind>(OwnerText.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)) OwnerKind = kind;
            else ModelState.AddModelError("owner", l["担い手の種類は Department・Organization・Group のどれかで指定してください。"]);
        }
        return ModelState.IsValid ? filter : null;
    }

    /// <summary>The indicators of the logic models of the pilots the filtered initiatives run, with their latest actual and target in force.</summary>
    private async Task<IReadOnlyList<ProgressRow>> ProgressAsync(IQueryable<Initiative> initiatives, CancellationToken cancellationToken)
    {
        var models = await (from m in db.LogicModels.AsNoTracking()
                            join p in db.CollaborationPilots on m.PilotId equals p.Id
                            join i in initiatives on p.InitiativeId equals i.Id
                            orderby i.Title, m.Title
                            select new { Model = m, InitiativeId = i.Id, Initiative = i.Title })
            .Take(MaxModels + 1).ToListAsync(cancellationToken);
        MoreModels = models.Count > MaxModels;
        var ids = models.Take(MaxModels).Select(m => m.Model.Id).ToList();
        var withElements = await db.LogicModels.AsNoTracking().Include(m => m.Elements).Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var today = JapanTime.Date(clock.GetUtcNow());
        var rows = new List<ProgressRow>();
        foreach (var m in models.Take(MaxModels))
            foreach (var progress in await values.ReadAsync(withElements[m.Model.Id], today, cancellationToken))
                rows.Add(new ProgressRow(m.InitiativeId, m.Initiative, m.Model.Title, progress));
        return rows;
    }

    public string RowLabel(CoverageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind == CoverageRowKind.Challenge ? l["課題{0}", row.Number] : l["方策{0}", row.Number];
    }

    /// <summary>The initiatives list filtered to a cell (all owner kinds: the list has no owner-kind filter).</summary>
    public string CellLink(CoverageRow row, int place)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (type, stage) = PolicyCoverage.Places[place];
        var filter = new InitiativeFilter(type, stage, Municipality?.Trim() is { Length: > 0 } m ? m : null,
            Challenge: row.Kind == CoverageRowKind.Challenge ? row.Number : null, Pathway: row.Kind == CoverageRowKind.Pathway ? row.Number : null);
        return "/collaboration/initiatives?" + filter.ToQueryString();
    }

    public string ExportLink(string? table)
    {
        var query = new List<string> { "format=csv" };
        if (!string.IsNullOrWhiteSpace(Municipality)) query.Add("municipality=" + Uri.EscapeDataString(Municipality.Trim()));
        if (OwnerKind is { } kind) query.Add("owner=" + kind);
        if (table is not null) query.Add("table=" + table);
        return "/insights/policy?" + string.Join('&', query);
    }

    private byte[] MatrixCsv() => Csv(
        [l["区分"], l["番号"], l["まとまり"], l["内容"], .. PolicyCoverage.Places.Select(p => InitiativeText.Place(l, p.Type, p.Stage)), l["計"], l["施策なし"]],
        Rows.Select(r => (string[])[
            r.Kind == CoverageRowKind.Challenge ? l["課題"] : l["方策"], r.Number.ToString(CultureInfo.InvariantCulture), l[r.Group], l[r.Text],
            .. r.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)), r.Total.ToString(CultureInfo.InvariantCulture), r.IsEmpty ? l["施策なし"] : ""]));

    private byte[] ProgressCsv() => Csv(
        [l["取組"], l["ロジックモデル"], l["指標"], l["単位"], l["基準値"], l["最新の実績"], l["実績の日付"], l["目標"], l["目標の日付"], l["進捗"]],
        Progress.Select(r => (string[])[
            ExportEvents.Inert(r.Initiative), ExportEvents.Inert(r.Model), ExportEvents.Inert(r.Progress.Indicator.Name), ExportEvents.Inert(r.Progress.Indicator.Unit),
            Number(r.Progress.Baseline), Number(r.Progress.Current?.Value), Date(r.Progress.Current?.Date), Number(r.Progress.Target?.Value),
            Date(r.Progress.Target?.Date), r.Progress.Progress is { } p ? (p * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : ""]));

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static byte[] Csv(string[] header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows) csv.WriteRecord(row);
        }
        return stream.ToArray();
    }
}
