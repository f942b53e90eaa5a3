using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Funds.Grants;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.FundPages;

/// <summary>The holder's admins change the fund's kind, name and purpose; the holder itself does not change (its ledger is the fund's own).</summary>
[Authorize]
public sealed class EditFundModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public FundInput Input { get; set; } = new();

    public Fund Fund { get; private set; } = null!;
    public FundForm Form => new(Input, null, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Input = FundInput.From(Fund);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var kind = Input.Validate(japan, l, errors);
        if (kind is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        Input.ApplyTo(Fund, kind.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/funds/{id}");
    }

    /// <summary>The fund; anyone may see it exists (its page is public), only the holder's admins change it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fund is null) return NotFound();
        if (!await GrantsAccess.IsAdminAsync(db, GrantsAccess.AccountId(User), fund.HolderOrganizationId, cancellationToken)) return Forbid();
        Fund = fund;
        return null;
    }
}
