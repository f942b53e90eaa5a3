using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>Edits an initiative's details (not its type and stage, which move with a reason on its page).</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, IAuthorizationService authorization, ListOrganizationChoices listChoices, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public Initiative Initiative { get; private set; } = null!;
    public InitiativeForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (rules, refused) = await LoadAsync(id, cancellationToken);
        if (rules is null) return refused!;
        Input = InitiativeInput.From(Initiative);
        return await ShowAsync(rules, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (rules, refused) = await LoadAsync(id, cancellationToken);
        if (rules is null) return refused!;
        var errors = new List<(string Key, string Message)>();
        var organizationName = await NewModel.OrganizationNameAsync(db, Input.OrganizationId, cancellationToken);
        var valid = Input.Validate(rules, Initiative, organizationName, l, errors);
        if (valid is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return await ShowAsync(rules, cancellationToken);
        }
        Initiative.Edit(valid.Details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/collaboration/initiatives/{id}");
    }

    private async Task<(InitiativeInput.Rules? Rules, IActionResult? Refused)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null) return (null, NotFound());
        if (!await InitiativeAccess.CanEditAsync(db, authorization, User, initiative, cancellationToken)) return (null, CollaborationAccess.Refusal(this));
        // An ended initiative is a record: it is read, not changed.
        if (!initiative.IsActive) return (null, Redirect($"/collaboration/initiatives/{id}"));
        Initiative = initiative;
        var staff = await CollaborationAccess.ActsAsStaffAsync(authorization, User);
        var administered = await InitiativeAccess.AdministeredAsync(db, User, cancellationToken);
        return (new InitiativeInput.Rules(staff, administered, options.Value.Prefecture, JapanTime.Date(clock.GetUtcNow())), null);
    }

    private async Task<IActionResult> ShowAsync(InitiativeInput.Rules rules, CancellationToken cancellationToken)
    {
        var choices = await listChoices.RunAsync(cancellationToken);
        Form = new InitiativeForm(Input, rules, choices.Sections, ModelState, Initiative);
        return Page();
    }
}
