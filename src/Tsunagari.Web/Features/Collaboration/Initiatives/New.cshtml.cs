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

/// <summary>Registers an initiative: government staff for anyone, an organization's admin for their own organization.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, IAuthorizationService authorization, ListOrganizationChoices listChoices, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public InitiativeForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        if (rules is null) return CollaborationAccess.Refusal(this);
        Input = new InitiativeInput
        {
            OwnerKind = rules.IsStaff ? nameof(InitiativeOwnerKind.Department) : nameof(InitiativeOwnerKind.Organization),
            OrganizationId = rules.Administered.Count > 0 ? rules.Administered[0].Id.ToString() : null,
        };
        return await ShowAsync(rules, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        if (rules is null) return CollaborationAccess.Refusal(this);
        var errors = new List<(string Key, string Message)>();
        var organizationName = await OrganizationNameAsync(db, Input.OrganizationId, cancellationToken);
        var valid = Input.Validate(rules, null, organizationName, l, errors);
        if (valid is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return await ShowAsync(rules, cancellationToken);
        }
        var me = CollaborationAccess.AccountId(User);
        var initiative = new Initiative(valid.Details, valid.Type, valid.Stage, me, clock.GetUtcNow());
        db.Initiatives.Add(initiative);
        db.InitiativeChanges.Add(initiative.Registered(me));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/collaboration/initiatives/{initiative.Id}");
    }

    /// <summary>The organization's name when the id is one; empty otherwise.</summary>
    internal static async Task<string> OrganizationNameAsync(AppDbContext db, string? id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var organizationId)
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? ""
            : "";

    /// <summary>Null when the person may not register: neither staff (under the Staff policy) nor an organization's admin.</summary>
    private async Task<InitiativeInput.Rules?> RulesAsync(CancellationToken cancellationToken)
    {
        var staff = await CollaborationAccess.ActsAsStaffAsync(authorization, User);
        var administered = await InitiativeAccess.AdministeredAsync(db, User, cancellationToken);
        if (!staff && administered.Count == 0) return null;
        return new InitiativeInput.Rules(staff, administered, options.Value.Prefecture, JapanTime.Date(clock.GetUtcNow()));
    }

    private async Task<IActionResult> ShowAsync(InitiativeInput.Rules rules, CancellationToken cancellationToken)
    {
        var choices = await listChoices.RunAsync(cancellationToken);
        Form = new InitiativeForm(Input, rules, choices.Sections, ModelState, null);
        return Page();
    }
}
