using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>The fund holder's admins set up a grant programme; it is saved as a draft and opened from its manage page.</summary>
[Authorize]
public sealed class NewProgrammeModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public Fund Fund { get; private set; } = null!;
    public IReadOnlyList<Municipality> Municipalities => ChallengeForm.Choices(japan, options.Value.Prefecture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var today = JapanTime.Date(clock.GetUtcNow());
        Input = new()
        {
            OpensOn = YenInput.Date(today),
            ClosesOn = YenInput.Date(today.AddMonths(1)),
            EvaluationPercent = GrantProgramme.DefaultEvaluationPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var programme = new GrantProgramme(id, clock.GetUtcNow());
        var errors = new List<(string Key, string Message)>();
        if (!Input.Validate(programme, Fund.Kind == FundKind.DormantDeposit, japan, l, errors))
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        db.GrantProgrammes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/programmes/{programme.Id}/manage");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fund is null) return NotFound();
        if (!await GrantsAccess.IsAdminAsync(db, GrantsAccess.AccountId(User), fund.HolderOrganizationId, cancellationToken)) return Forbid();
        Fund = fund;
        return null;
    }
}
