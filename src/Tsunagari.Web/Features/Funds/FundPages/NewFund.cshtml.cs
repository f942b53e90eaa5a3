using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Funds.Grants;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.FundPages;

/// <summary>An organization's admin creates a fund held by that organization.</summary>
[Authorize]
public sealed class NewFundModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FundInput Input { get; set; } = new() { Kind = nameof(FundKind.General) };

    public IReadOnlyList<GrantsAccess.OrganizationOption> Organizations { get; private set; } = [];
    public FundForm Form => new(Input, Organizations, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await GrantsAccess.AdministeredAsync(db, GrantsAccess.AccountId(User), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organizations = await GrantsAccess.AdministeredAsync(db, GrantsAccess.AccountId(User), cancellationToken);
        if (Organizations.Count == 0) return Forbid();
        var errors = new List<(string Key, string Message)>();
        var holder = Organizations.FirstOrDefault(o => o.Id.ToString() == Input.OrganizationId);
        if (holder is null) errors.Add((nameof(FundInput.OrganizationId), l["基金を持つ団体は、あなたが管理者を務める団体から選んでください。"]));
        var kind = Input.Validate(japan, l, errors);
        if (kind is null || holder is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var fund = new Fund(holder.Id, kind.Value, Input.Name!, clock.GetUtcNow());
        Input.ApplyTo(fund, kind.Value);
        db.Funds.Add(fund);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/funds/{fund.Id}");
    }
}
