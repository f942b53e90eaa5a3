using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>An organization's admin submits a challenge for the coordinators to review.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, IAuthorizationService authorization, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public ChallengeForm Form => new(Input, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        Input = new ChallengeInput { HoursPerWeek = "4", Mode = nameof(WorkMode.Either) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(japan, l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var challenge = new Challenge(id, ChallengeAccess.AccountId(User), details, clock.GetUtcNow());
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/probono/challenges/{challenge.Id}");
    }
}
