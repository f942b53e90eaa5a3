using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// The backbone's admins keep the initiative: its details, its partners (added by organization; a partner that leaves
/// keeps its past values and activities) and its shared indicators (new ones are issue 7's indicators in the initiative's
/// logic model; the backbone's other indicators can be shared too). Staff and members see that they may not change it.
/// </summary>
[Authorize]
public sealed class EditModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CollectiveEditMessage";
    public const int MaxOrganizationChoices = 1000;

    public sealed record Choice(Guid Id, string Name);

    [BindProperty] public CollectiveInput Input { get; set; } = new();
    [BindProperty] public string? PartnerOrganizationId { get; set; }
    [BindProperty] public string? PartnerRole { get; set; }
    [BindProperty] public string? PartnerJoinedOn { get; set; }
    [BindProperty] public string? OrganizationId { get; set; }
    [BindProperty] public bool ConfirmRemove { get; set; }
    [BindProperty] public string? IndicatorId { get; set; }
    [BindProperty] public bool ConfirmUnshare { get; set; }
    [BindProperty] public string? IndicatorName { get; set; }
    [BindProperty] public string? IndicatorUnit { get; set; }
    [BindProperty] public string? IndicatorDefinition { get; set; }
    [BindProperty] public string? IndicatorDirection { get; set; }

    public CollectiveAccess Access { get; private set; } = null!;
    public IReadOnlyList<Indicator> Shared { get; private set; } = [];
    public IReadOnlyList<Choice> Shareable { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];
    public string? Message { get; private set; }
    public CollectiveForm Form => new(Input, japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [], ModelState, ShowStatus: true);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Input = CollectiveInput.From(Access.Initiative);
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        Input.Apply(Access.Initiative, details, clock.GetUtcNow());
        return await DoneAsync("取組の内容を保存しました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddPartnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var role = (PartnerRole ?? "").Trim();
        if (!Guid.TryParse(PartnerOrganizationId, out var organizationId) || !await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            ModelState.AddModelError(nameof(PartnerOrganizationId), l["パートナーにする団体を選んでください。"]);
        else if (Access.Current.Any(p => p.Organization.Id == organizationId))
            ModelState.AddModelError(nameof(PartnerOrganizationId), l["この団体はすでにパートナーです。"]);
        else if (Access.Current.Count() >= CollectiveInitiative.MaxPartners)
            ModelState.AddModelError(nameof(PartnerOrganizationId), l["パートナーは{0}団体までです。", CollectiveInitiative.MaxPartners]);
        if (role.Length > CollectivePartner.MaxRoleLength)
            ModelState.AddModelError(nameof(PartnerRole), l["{0}文字以内で入力してください。", CollectivePartner.MaxRoleLength]);
        var today = JapanTime.Date(clock.GetUtcNow());
        // Empty is today; a day that does not parse gets the same message as one after today.
        var joined = string.IsNullOrWhiteSpace(PartnerJoinedOn) ? today : CollectiveInput.ParseDay(PartnerJoinedOn) ?? DateOnly.MaxValue;
        if (joined > today)
            ModelState.AddModelError(nameof(PartnerJoinedOn), l["参加日は今日までの日を年-月-日で入力するか、空にしてください（空なら今日）。"]);
        if (!ModelState.IsValid) return await AgainAsync(cancellationToken);
        // A partner reports for every period it was part of, so a network set up after the fact can enter its past values.
        if (Access.Partners.FirstOrDefault(p => p.Organization.Id == organizationId) is { } former) former.Partner.Rejoin(role, joined);
        else db.CollectivePartners.Add(new CollectivePartner(id, organizationId, role, joined));
        return await DoneAsync("パートナーを加えました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemovePartnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var partner = Guid.TryParse(OrganizationId, out var organizationId) ? Access.Current.FirstOrDefault(p => p.Organization.Id == organizationId) : null;
        if (partner is null) ModelState.AddModelError(nameof(OrganizationId), l["外すパートナーを選んでください。"]);
        else if (!ConfirmRemove) ModelState.AddModelError(nameof(ConfirmRemove), l["パートナーから外すには、確認の欄にチェックを入れてください。"]);
        if (!ModelState.IsValid) return await AgainAsync(cancellationToken);
        partner!.Partner.LeftOn = JapanTime.Date(clock.GetUtcNow());
        return await DoneAsync("パートナーから外しました。これまでの提出と活動は残ります。", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddIndicatorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var name = (IndicatorName ?? "").Trim();
        var unit = (IndicatorUnit ?? "").Trim();
        var definition = (IndicatorDefinition ?? "").Trim();
        if (name.Length == 0) ModelState.AddModelError(nameof(IndicatorName), l["指標の名前を入力してください。"]);
        else if (name.Length > Indicator.MaxNameLength) ModelState.AddModelError(nameof(IndicatorName), l["{0}文字以内で入力してください。", Indicator.MaxNameLength]);
        if (unit.Length > Indicator.MaxUnitLength) ModelState.AddModelError(nameof(IndicatorUnit), l["{0}文字以内で入力してください。", Indicator.MaxUnitLength]);
        if (definition.Length > Indicator.MaxDefinitionLength) ModelState.AddModelError(nameof(IndicatorDefinition), l["{0}文字以内で入力してください。", Indicator.MaxDefinitionLength]);
        if (!Enum.TryParse<IndicatorDirection>(IndicatorDirection, out var direction) || !Enum.IsDefined(direction))
            ModelState.AddModelError(nameof(IndicatorDirection), l["よい方向を選んでください。"]);
        TooManyIndicators();
        if (!ModelState.IsValid) return await AgainAsync(cancellationToken);
        var element = await OutcomeAsync(cancellationToken);
        var indicator = new Indicator(Access.Initiative.LogicModelId, element, name, IndicatorSource.Manual, clock.GetUtcNow())
        {
            Unit = unit,
            Definition = definition,
            Direction = direction,
        };
        db.Indicators.Add(indicator);
        db.CollectiveIndicators.Add(new CollectiveIndicator(id, indicator.Id, Shared.Count + 1));
        return await DoneAsync("共通指標を加えました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostShareIndicatorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        if (!Guid.TryParse(IndicatorId, out var indicatorId) || Shareable.All(c => c.Id != indicatorId))
            ModelState.AddModelError(nameof(IndicatorId), l["共通にする指標を選んでください。"]);
        TooManyIndicators();
        if (!ModelState.IsValid) return await AgainAsync(cancellationToken);
        db.CollectiveIndicators.Add(new CollectiveIndicator(id, indicatorId, Shared.Count + 1));
        return await DoneAsync("共通指標を加えました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostUnshareIndicatorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var link = Guid.TryParse(IndicatorId, out var indicatorId)
            ? await db.CollectiveIndicators.SingleOrDefaultAsync(i => i.InitiativeId == id && i.IndicatorId == indicatorId, cancellationToken)
            : null;
        if (link is null) ModelState.AddModelError(nameof(IndicatorId), l["共通指標から外す指標を選んでください。"]);
        else if (!ConfirmUnshare) ModelState.AddModelError(nameof(ConfirmUnshare), l["共通指標から外すには、確認の欄にチェックを入れてください。"]);
        if (!ModelState.IsValid) return await AgainAsync(cancellationToken);
        db.CollectiveIndicators.Remove(link!);
        return await DoneAsync("共通指標から外しました。提出された値は残り、もう一度共通にすると表示されます。", cancellationToken);
    }

    private void TooManyIndicators()
    {
        if (Shared.Count >= CollectiveInitiative.MaxIndicators)
            ModelState.AddModelError(nameof(IndicatorId), l["共通指標は{0}個までです。", CollectiveInitiative.MaxIndicators]);
    }

    /// <summary>The element new shared indicators measure: the model's first outcome, made when the model has none.</summary>
    private async Task<Guid> OutcomeAsync(CancellationToken cancellationToken)
    {
        var model = await db.LogicModels.Include(m => m.Elements).SingleAsync(m => m.Id == Access.Initiative.LogicModelId, cancellationToken);
        var outcome = model.Elements.Where(e => e.Kind.IsMeasurable()).OrderBy(e => e.Kind).ThenBy(e => e.Order).FirstOrDefault()
            ?? model.AddElement(ElementKind.MediumTermOutcome, Access.Initiative.Goal.Length <= LogicModelElement.MaxTextLength ? Access.Initiative.Goal : Access.Initiative.Goal[..LogicModelElement.MaxTextLength]);
        return outcome.Id;
    }

    private async Task<IActionResult> DoneAsync(string message, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = message;
        return Redirect(CollectiveUrls.Edit(Access.Initiative.Id));
    }

    /// <summary>The page again with the errors, the details form showing what is saved.</summary>
    private Task<IActionResult> AgainAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        Input = CollectiveInput.From(Access.Initiative);
        return Task.FromResult<IActionResult>(Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var access = await CollectiveAccess.LoadAsync(db, User, id, cancellationToken, tracking);
        if (access is null) return NotFound();
        if (!access.IsBackboneAdmin) return access.CanRead ? Forbid() : NotFound();
        Access = access;
        Shared = await new CollectiveFigures(db, l).IndicatorsAsync(id, cancellationToken);
        var sharedIds = Shared.Select(i => i.Id).ToList();
        var backbone = access.Initiative.BackboneOrganizationId;
        Shareable = await db.Indicators.AsNoTracking()
            .Where(i => !sharedIds.Contains(i.Id) && db.LogicModels.Any(m => m.Id == i.LogicModelId && m.OrganizationId == backbone))
            .OrderBy(i => i.Name).Select(i => new Choice(i.Id, i.Name)).ToListAsync(cancellationToken);
        var current = access.Current.Select(p => p.Organization.Id).ToList();
        Organizations = await db.Organizations.AsNoTracking().Where(o => !current.Contains(o.Id))
            .OrderBy(o => o.Name).Take(MaxOrganizationChoices).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
        return null;
    }
}
