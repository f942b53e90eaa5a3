using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Regions;

/// <summary>Creates a regional grouping (no id) or changes one. A municipality belongs to one grouping at most.</summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class EditGroupingModel(
    AppDbContext db,
    Japan japan,
    ListGroupings listGroupings,
    IAuthorizationService authorization,
    IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxSortOrder = 9999;

    public Prefecture Prefecture { get; private set; } = null!;

    public bool IsNew { get; private set; }

    /// <summary>The other groupings each municipality is in now, shown beside its checkbox.</summary>
    public IReadOnlyDictionary<string, GroupingSummary> OtherGroupingOf { get; private set; } = new Dictionary<string, GroupingSummary>();

    [BindProperty]
    public GroupingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync()) return Forbid();
        var groupings = await LoadAsync(id, cancellationToken);
        if (id is null)
        {
            Input = new GroupingInput { SortOrder = Math.Min(MaxSortOrder, groupings.Select(g => g.SortOrder).DefaultIfEmpty(0).Max() + 10) };
            return Page();
        }
        var grouping = groupings.FirstOrDefault(g => g.Id == id);
        if (grouping is null) return NotFound();
        Input = new GroupingInput
        {
            Name = grouping.Name,
            NameEn = grouping.NameEn,
            SortOrder = grouping.SortOrder,
            Municipalities = [.. grouping.MunicipalityCodes],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync()) return Forbid();
        var groupings = await LoadAsync(id, cancellationToken);
        if (id is not null && groupings.All(g => g.Id != id)) return NotFound();
        Validate(groupings.Where(g => g.Id != id).ToList());
        if (!ModelState.IsValid) return Page();

        var name = Input.Name!.Trim();
        if (id is null)
        {
            db.RegionalGroupings.Add(new RegionalGrouping(Prefecture.Code, name, Input.NameEn!, Input.SortOrder!.Value, Input.Municipalities));
        }
        else
        {
            var grouping = await db.RegionalGroupings.SingleAsync(g => g.Id == id, cancellationToken);
            grouping.Update(name, Input.NameEn!, Input.SortOrder!.Value, Input.Municipalities);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData[GroupingsModel.SavedKey] = name;
        return RedirectToPage("/Regions/Groupings");
    }

    private void Validate(IReadOnlyList<GroupingSummary> others)
    {
        var name = Input.Name?.Trim() ?? "";
        var nameEn = Input.NameEn?.Trim() ?? "";
        if (name.Length > 0 && others.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal)))
            ModelState.AddModelError(Key(nameof(Input.Name)), l["同じ名称の地域区分がすでにあります。"]);
        if (nameEn.Length > 0 && others.Any(g => string.Equals(g.NameEn, nameEn, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError(Key(nameof(Input.NameEn)), l["同じ英語の名称の地域区分がすでにあります。"]);

        var key = Key(nameof(Input.Municipalities));
        var ours = Prefecture.Municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        if (Input.Municipalities.Count == 0)
            ModelState.AddModelError(key, l["市町村を1つ以上選んでください。"]);
        else if (Input.Municipalities.Any(c => !ours.ContainsKey(c)))
            ModelState.AddModelError(key, l["選ばれた市町村の中に、この都道府県の市町村ではないものがあります。"]);

        var taken = ListGroupings.ByMunicipality(others);
        foreach (var code in Input.Municipalities.Distinct(StringComparer.Ordinal))
            if (taken.TryGetValue(code, out var other) && ours.TryGetValue(code, out var municipality))
                ModelState.AddModelError(key, l["{0}はすでに地域区分「{1}」に入っています。先にそちらから外してください。", municipality.Name, other.LocalName]);
    }

    private static string Key(string property) => $"{nameof(Input)}.{property}";

    private async Task<IReadOnlyList<GroupingSummary>> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var groupings = await listGroupings.RunAsync(Prefecture.Code, cancellationToken);
        OtherGroupingOf = ListGroupings.ByMunicipality(groupings.Where(g => g.Id != id));
        return groupings;
    }

    private async Task<bool> AllowedAsync()
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        return (await authorization.AuthorizeAsync(User, Prefecture, RegionOperations.EditGroupings)).Succeeded;
    }

    public sealed class GroupingInput
    {
        [Required(ErrorMessage = "地域区分の名称を入力してください。")]
        [StringLength(RegionalGrouping.MaxNameLength, ErrorMessage = "地域区分の名称は{1}文字以内で入力してください。")]
        [Display(Name = "名称")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "地域区分の英語の名称を入力してください。")]
        [StringLength(RegionalGrouping.MaxNameLength, ErrorMessage = "地域区分の英語の名称は{1}文字以内で入力してください。")]
        [Display(Name = "英語の名称")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "表示順を入力してください。")]
        [Range(0, MaxSortOrder, ErrorMessage = "表示順には{1}から{2}までの数を入力してください。")]
        [Display(Name = "表示順")]
        public int? SortOrder { get; set; }

        public List<string> Municipalities { get; set; } = [];
    }
}
