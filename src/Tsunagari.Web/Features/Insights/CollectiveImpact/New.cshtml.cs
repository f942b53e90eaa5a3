using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// An organization's admin starts an initiative with their organization as the backbone; coordinators and the
/// prefecture's admins start one for any organization. A logic model of the backbone is made with it, to hold the shared
/// indicators (issue 7's indicators, edited there too).
/// </summary>
[Authorize]
public sealed class NewModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int MaxBackboneChoices = 1000;

    public sealed record Choice(Guid Id, string Name);

    [BindProperty]
    public CollectiveInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Backbones { get; private set; } = [];
    public CollectiveForm Form => new(Input, japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [], ModelState, ShowStatus: false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Backbones = await BackbonesAsync(cancellationToken);
        if (Backbones.Count == 0) return Forbid();
        Input = new CollectiveInput
        {
            Cadence = nameof(ReportingCadence.Quarterly),
            CommunicationIntervalDays = "30",
            StartsOn = CollectiveInput.Day(JapanTime.Date(clock.GetUtcNow())),
            BackboneOrganizationId = Backbones[0].Id.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Backbones = await BackbonesAsync(cancellationToken);
        if (Backbones.Count == 0) return Forbid();
        var errors = new List<(string Key, string Message)>();
        if (!Guid.TryParse(Input.BackboneOrganizationId, out var backboneId) || Backbones.All(b => b.Id != backboneId))
            errors.Add((nameof(Input.BackboneOrganizationId), l["バックボーン組織を選んでください。"]));
        var details = Input.Validate(l, errors);
        if (details is null || errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var now = clock.GetUtcNow();
        var accountId = CollectiveAccess.AccountIdOf(User);
        var model = new LogicModel(backboneId, Truncate(details.Title, LogicModel.MaxTitleLength), details.StartsOn,
            details.EndsOn ?? details.StartsOn.AddYears(3).AddDays(-1), accountId, now)
        {
            Subject = LogicModelSubject.Programme,
            Purpose = Truncate(details.Problem, LogicModel.MaxTextLength),
        };
        model.AddElement(ElementKind.MediumTermOutcome, Truncate(details.Goal, LogicModelElement.MaxTextLength));
        db.LogicModels.Add(model);
        var initiative = new CollectiveInitiative(details.Title, backboneId, model.Id, details.StartsOn, accountId, now);
        Input.Apply(initiative, details, now);
        db.CollectiveInitiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        TempData[EditModel.MessageKey] = "取組をつくりました。パートナーと共通指標を加えてください。";
        return Redirect(CollectiveUrls.Edit(initiative.Id));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The organizations the person may make a backbone: those they administer, or any for the staff.</summary>
    private async Task<IReadOnlyList<Choice>> BackbonesAsync(CancellationToken cancellationToken)
    {
        var accountId = CollectiveAccess.AccountIdOf(User);
        var organizations = CollectiveAccess.IsStaffUser(User)
            ? db.Organizations.AsNoTracking()
            : db.Organizations.AsNoTracking().Where(o => o.Memberships.Any(m => m.AccountId == accountId && m.Role == MembershipRole.Admin));
        return await organizations.OrderBy(o => o.Name).Take(MaxBackboneChoices).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
    }
}
