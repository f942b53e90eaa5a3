using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;

namespace Tsunagari.Features.Regions;

/// <summary>The prefecture's regional groupings for prefecture admins: list and delete; changes are on EditGrouping.</summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class GroupingsModel(
    AppDbContext db,
    Japan japan,
    ListGroupings listGroupings,
    IAuthorizationService authorization,
    IOptions<TsunagariOptions> options) : PageModel
{
    public const string SavedKey = "Regions.GroupingSaved";
    public const string DeletedKey = "Regions.GroupingDeleted";

    public Prefecture Prefecture { get; private set; } = null!;
    public IReadOnlyList<GroupingSummary> Groupings { get; private set; } = [];
    public IReadOnlyList<Municipality> Unassigned { get; private set; } = [];

    [TempData(Key = SavedKey)]
    public string? Saved { get; set; }

    [TempData(Key = DeletedKey)]
    public string? Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync()) return Forbid();
        Groupings = await listGroupings.RunAsync(Prefecture.Code, cancellationToken);
        var assigned = ListGroupings.ByMunicipality(Groupings);
        Unassigned = [.. Prefecture.Municipalities.Where(m => !assigned.ContainsKey(m.Code))];
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync()) return Forbid();
        var grouping = await db.RegionalGroupings.SingleOrDefaultAsync(g => g.Id == id && g.PrefectureCode == Prefecture.Code, cancellationToken);
        if (grouping is null) return NotFound();
        db.RegionalGroupings.Remove(grouping);
        await db.SaveChangesAsync(cancellationToken);
        Deleted = grouping.Name;
        return RedirectToPage();
    }

    public string MunicipalityNames(GroupingSummary grouping)
    {
        ArgumentNullException.ThrowIfNull(grouping);
        return string.Join("、", grouping.MunicipalityCodes.Select(c => japan.Municipality(c)?.Name ?? c));
    }

    private async Task<bool> AllowedAsync()
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        return (await authorization.AuthorizeAsync(User, Prefecture, RegionOperations.EditGroupings)).Succeeded;
    }
}
