using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>Adds a way to take part (no id) or changes one's names, icon and order; the key of an existing way never changes (URLs and the API use it).</summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed partial class EditWayModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxSortOrder = 9999;

    public bool IsNew { get; private set; }

    [BindProperty]
    public WayInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is null)
        {
            var last = await db.WaysToTakePart.AsNoTracking().Select(w => (int?)w.SortOrder).MaxAsync(cancellationToken) ?? 0;
            Input = new WayInput { SortOrder = Math.Min(MaxSortOrder, last + 10), Icon = "dot" };
            return Page();
        }
        var way = await db.WaysToTakePart.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (way is null) return NotFound();
        Input = new WayInput { Key = way.Key, Name = way.Name, NameEn = way.NameEn, Icon = way.Icon, SortOrder = way.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var way = id is null ? null : await db.WaysToTakePart.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (id is not null && way is null) return NotFound();
        if (!WayIcons.All.Contains(Input.Icon ?? "", StringComparer.Ordinal))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Icon)}", l["アイコンの選択が正しくありません。"]);
        if (way is null)
        {
            var key = Input.Key?.Trim() ?? "";
            var keyField = $"{nameof(Input)}.{nameof(Input.Key)}";
            if (key.Length == 0) ModelState.AddModelError(keyField, l["キーを入力してください。"]);
            else if (key.Length > 50 || !KeyPattern().IsMatch(key)) ModelState.AddModelError(keyField, l["キーは半角の英小文字・数字・ハイフンで50文字以内にしてください。"]);
            else if (await db.WaysToTakePart.AnyAsync(w => w.Key == key, cancellationToken)) ModelState.AddModelError(keyField, l["同じキーの関わり方がすでにあります。"]);
        }
        if (!ModelState.IsValid) return Page();

        if (way is null)
        {
            // Ids are chosen here, not by the database, so that the defaults keep their ids everywhere.
            var next = (await db.WaysToTakePart.Select(w => (int?)w.Id).MaxAsync(cancellationToken) ?? 0) + 1;
            db.WaysToTakePart.Add(new WayToTakePart(next, Input.Key!.Trim(), Input.Name!, Input.NameEn!, Input.Icon!, Input.SortOrder!.Value));
        }
        else way.Update(Input.Name!, Input.NameEn!, Input.Icon!, Input.SortOrder!.Value);
        await db.SaveChangesAsync(cancellationToken);
        TempData[WaysModel.SavedKey] = Input.Name!.Trim();
        return Redirect("/opportunities/ways");
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex KeyPattern();

    public sealed class WayInput
    {
        public string? Key { get; set; }

        [Required(ErrorMessage = "関わり方の名称を入力してください。")]
        [StringLength(100, ErrorMessage = "関わり方の名称は{1}文字以内で入力してください。")]
        [Display(Name = "名称")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "関わり方の英語の名称を入力してください。")]
        [StringLength(100, ErrorMessage = "関わり方の英語の名称は{1}文字以内で入力してください。")]
        [Display(Name = "英語の名称")]
        public string? NameEn { get; set; }

        public string? Icon { get; set; }

        [Required(ErrorMessage = "表示順を入力してください。")]
        [Range(0, MaxSortOrder, ErrorMessage = "表示順には{1}から{2}までの数を入力してください。")]
        [Display(Name = "表示順")]
        public int? SortOrder { get; set; }
    }
}
