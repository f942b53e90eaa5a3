using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>
/// A new logic model for an organization the person administers: its details and, if chosen, a template whose
/// elements, arrows and suggested indicators are made in the person's language.
/// </summary>
[Authorize]
public sealed class NewModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class NewInput : DetailsInput
    {
        public Guid? OrganizationId { get; set; }

        /// <summary>A template's key, or empty for a blank model.</summary>
        public string? Template { get; set; }
    }

    [BindProperty]
    public NewInput Input { get; set; } = new();

    /// <summary>The organizations the person administers, by name.</summary>
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public IReadOnlyList<PilotChoice> Pilots { get; private set; } = [];

    public DetailsFields Fields => new(Input, "Input.", Pilots, Organizations.ToDictionary(o => o.Id, o => o.Name));

    public async Task<IActionResult> OnGetAsync(Guid? organizationId, CancellationToken cancellationToken)
    {
        if (await OrganizationsAsync(organizationId, cancellationToken) is { } refused) return refused;
        var today = JapanTime.Date(clock.GetUtcNow());
        Input = new NewInput
        {
            OrganizationId = organizationId ?? (Organizations.Count == 1 ? Organizations[0].Id : null),
            Subject = nameof(LogicModelSubject.Organization),
            PeriodStart = today,
            PeriodEnd = today.AddYears(1).AddDays(-1),
            Template = "",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OrganizationsAsync(Input.OrganizationId, cancellationToken) is { } refused) return refused;
        if (Input.OrganizationId is null) ModelState.AddModelError("Input.OrganizationId", l["団体を選んでください。"]);
        var template = LogicModelTemplates.Find(Input.Template);
        if (!string.IsNullOrEmpty(Input.Template) && template is null) ModelState.AddModelError("Input.Template", l["テンプレートは一覧から選んでください。"]);
        if (ModelDetails.Check(Input, "Input.", Input.OrganizationId, Pilots, l, ModelState) is not { } details || !ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var model = new LogicModel(Input.OrganizationId!.Value, details.Title, details.PeriodStart, details.PeriodEnd, ImpactAccess.AccountId(User), now, template?.Key);
        details.ApplyTo(model);
        db.LogicModels.Add(model);
        if (template is not null) db.Indicators.AddRange(template.Apply(model, key => l[key], now));
        await db.SaveChangesAsync(cancellationToken);
        TempData[HubModel.MessageKey] = template is null ? "ロジックモデルを作りました。要素を加えてください。" : "テンプレートからロジックモデルを作りました。団体に合わせて書き換えてください。";
        return Redirect(ModelUrls.Hub(model.Id));
    }

    /// <summary>
    /// Loads the organizations the person administers and refuses, by the access rule, a chosen one they do not:
    /// 404 when they may not even see its evaluations, 403 when they may only see them (or administer none at all).
    /// </summary>
    private async Task<IActionResult?> OrganizationsAsync(Guid? chosen, CancellationToken cancellationToken)
    {
        var accountId = ImpactAccess.AccountId(User);
        Organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Memberships.Any(m => m.AccountId == accountId && m.Role == MembershipRole.Admin))
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        if (chosen is { } id && !Organizations.Any(o => o.Id == id))
        {
            var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            return organization is null || ImpactAccess.Rights(User, organization) is null ? NotFound() : Forbid();
        }
        if (Organizations.Count == 0) return Forbid();
        Pilots = await ModelDetails.PilotsAsync(db, Organizations.Select(o => o.Id).ToList(), cancellationToken);
        return null;
    }
}
