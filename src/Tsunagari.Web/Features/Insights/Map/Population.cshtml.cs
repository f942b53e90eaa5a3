using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// The prefecture's administrators keep the population behind the figures per 1,000 residents: the page shows each
/// municipality's current figure with its source and date, and takes a CSV that replaces the rows it names, all or nothing.
/// </summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
[RequestSizeLimit(2 * PopulationCsv.MaxBytes)]
public sealed class PopulationModel(AppDbContext db, Japan japan, PopulationCsv reader, IOutputCacheStore cache, TimeProvider clock,
    IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Line(Municipality Municipality, int Depth, MunicipalityPopulation? Population);

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public IReadOnlyList<PopulationCsv.Problem> Problems { get; private set; } = [];
    public string? Saved { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = TempData["PopulationSaved"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var source = Source?.Trim() ?? "";
        if (source.Length == 0) ModelState.AddModelError(nameof(Source), l["出典を入力してください。"]);
        else if (source.Length > MunicipalityPopulation.MaxSourceLength)
            ModelState.AddModelError(nameof(Source), l["{0}は{1}文字以内で入力してください。", l["出典"], MunicipalityPopulation.MaxSourceLength]);
        PopulationCsv.Result? result = null;
        if (Upload is null) ModelState.AddModelError(nameof(Upload), l["CSVファイルを選んでください。"]);
        else if (Upload.Length > PopulationCsv.MaxBytes)
            ModelState.AddModelError(nameof(Upload), l["ファイルが大きすぎます。{0}MB以下にしてください。", PopulationCsv.MaxBytes / 1024 / 1024]);
        else
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            result = await reader.ReadAsync(buffer.ToArray(), options.Value.Prefecture, cancellationToken);
            if (result.FileError is not null) ModelState.AddModelError(nameof(Upload), result.FileError);
            else if (result.Problems.Count > 0)
            {
                Problems = result.Problems;
                ModelState.AddModelError(nameof(Upload), l["{0}行に問題があるため、何も保存しませんでした。直してからもう一度アップロードしてください。", result.Problems.Count]);
            }
        }
        if (!ModelState.IsValid || result is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        await SaveAsync(result.Rows, source, cancellationToken);
        TempData["PopulationSaved"] = l["{0}市区町村の人口を保存しました。", result.Rows.Count].Value;
        return RedirectToPage();
    }

    /// <summary>Replaces the rows the file names in one save, so a failure leaves the previous figures as they were.</summary>
    private async Task SaveAsync(IReadOnlyList<PopulationCsv.Row> rows, string source, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.MunicipalityPopulations.Where(p => codes.Contains(p.MunicipalityCode)).ToListAsync(cancellationToken);
        db.MunicipalityPopulations.RemoveRange(existing);
        var now = clock.GetUtcNow();
        var by = CollaborationAccess.AccountId(User);
        db.MunicipalityPopulations.AddRange(rows.Select(r =>
            new MunicipalityPopulation(r.Code, r.Population, r.AsOf, source, now, by == Guid.Empty ? null : by)));
        await db.SaveChangesAsync(cancellationToken);
        // The uploader looks at the figures next: pages per 1,000 residents are drawn anew, not served from the cache.
        await cache.EvictByTagAsync(InsightsCaching.Tag, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var populations = await db.MunicipalityPopulations.AsNoTracking().ToDictionaryAsync(p => p.MunicipalityCode, cancellationToken);
        var municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
        Lines = [.. municipalities.SelectMany(m => m.Wards.Select(w => new Line(w, 1, populations.GetValueOrDefault(w.Code)))
            .Prepend(new Line(m, 0, populations.GetValueOrDefault(m.Code))))];
    }
}
