using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>The organization edits its challenge while it waits for review; after a change request, saving resubmits it.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, IAuthorizationService authorization, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    public Guid ChallengeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string ReviewNote { get; private set; } = "";
    public ChallengeForm Form => new(Input, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (challenge, refused) = await LoadAsync(id, cancellationToken);
        if (challenge is null) return refused!;
        Input = ChallengeInput.From(challenge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (challenge, refused) = await LoadAsync(id, cancellationToken);
        if (challenge is null) return refused!;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(japan, l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        challenge.Edit(details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/probono/challenges/{id}");
    }

    private async Task<(Challenge? Challenge, IActionResult? Refused)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null) return (null, NotFound());
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, challenge.OrganizationId, cancellationToken);
        if (organization is null) return (null, NotFound());
        if (!challenge.CanEdit) return (null, Redirect($"/probono/challenges/{id}"));
        ChallengeId = id;
        OrganizationId = organization.Id;
        OrganizationName = organization.Name;
        ReviewNote = challenge.ReviewNote;
        return (challenge, null);
    }
}
