using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Search;
using Tsunagari.Resources;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// Staff bring a municipality's existing 「イベント一覧」 CSV in: a dry run first, then a confirmation that imports every
/// row or none. The checked file travels back in the confirmation form (it is checked again there, not trusted).
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(4 * ImportEvents.MaxBytes)]
public sealed class ImportModel(AppDbContext db, ImportEvents import, SearchIndex index, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record OrganizationOption(Guid Id, string Name);

    /// <summary>The organization that will hold the imported activities, once chosen.</summary>
    public OrganizationOption? Organization { get; private set; }

    /// <summary>Organizations found by name (a prefecture has tens of thousands: a list to pick from would not do).</summary>
    public IReadOnlyList<OrganizationOption> Found { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? OrganizationQuery { get; set; }
    public ImportEvents.Result? Plan { get; private set; }
    public string? Imported { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked CSV, base64, carried from the dry run to the confirmation.</summary>
    [BindProperty]
    public string? Checked { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Imported = TempData["Imported"] as string;
        if (Organization is null && !string.IsNullOrWhiteSpace(OrganizationQuery))
        {
            var result = await index.SearchAsync(new SearchQuery { Type = SearchFields.OrganizationType, Text = OrganizationQuery.Trim(), PageSize = 20, CountFacets = false }, cancellationToken);
            Found = [.. result.Items.Select(h => new OrganizationOption(h.Id, h.Organization))];
        }
    }

    public async Task<IActionResult> OnPostDryRunAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CheckOrganization()) return Page();
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), l["CSVファイルを選んでください。"]);
            return Page();
        }
        using var buffer = new MemoryStream();
        if (Upload.Length <= ImportEvents.MaxBytes) await Upload.CopyToAsync(buffer, cancellationToken);
        var (text, error) = import.Decode(Upload.Length, buffer.ToArray());
        if (text is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Page();
        }
        Plan = await import.PlanAsync(text, cancellationToken);
        if (Plan.FileError is not null) ModelState.AddModelError(nameof(Upload), Plan.FileError);
        Checked = Convert.ToBase64String(buffer.ToArray());
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CheckOrganization()) return Page();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Checked ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }
        var (text, error) = import.Decode(bytes.Length, bytes);
        if (text is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Page();
        }
        var (count, plan) = await import.ConfirmAsync(OrganizationId!.Value, text, cancellationToken);
        if (count is null)
        {
            Plan = plan;
            ModelState.AddModelError(nameof(Upload), plan.FileError ?? l["取り込めない行があるため、何も取り込みませんでした。CSVを直してからやり直してください。"]);
            return Page();
        }
        TempData["Imported"] = l["{0}件の活動を取り込み、公開しました。", count.Value].Value;
        return RedirectToPage();
    }

    private bool CheckOrganization()
    {
        if (Organization is not null) return true;
        ModelState.AddModelError(nameof(OrganizationId), l["活動を持つ団体を選んでください。"]);
        return false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (OrganizationId is not { } id) return;
        Organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationOption(o.Id, o.Name)).SingleOrDefaultAsync(cancellationToken);
        if (Organization is null) OrganizationId = null;
    }
}
