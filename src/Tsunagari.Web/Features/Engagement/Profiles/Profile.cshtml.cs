using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>The signed-in person's own profile form. On any error nothing is saved and the form shows what was typed.</summary>
[Authorize]
public sealed class ProfileModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, ListWays listWays, ValidateProfile validate, SaveProfile save) : PageModel
{
    public const string SavedKey = "Profiles.Saved";

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public IReadOnlyList<WayToTakePart> Ways { get; private set; } = [];
    public bool Exists { get; private set; }

    [TempData(Key = SavedKey)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = AccountId();
        var profile = await db.ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        Exists = profile is not null;
        Input = ProfileInput.From(profile);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validate.RunAsync(Input, cancellationToken);
        if (!ModelState.IsValid || !result.IsValid)
        {
            foreach (var (key, messages) in result.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError($"Input.{key}", message);
            Exists = true;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        await save.RunAsync(AccountId(), result.Details!, cancellationToken);
        Saved = "saved";
        return RedirectToPage();
    }

    private Guid AccountId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        Municipalities = prefecture.Municipalities.SelectMany(m => m.Wards.Count > 0 ? [m, .. m.Wards] : new[] { m }).ToList();
        Ways = await listWays.RunAsync(cancellationToken);
    }
}
