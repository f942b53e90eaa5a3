using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The agreement (協定) of an adopted proposal: both sides write the role split, the costs, the period, the place's
/// boundaries and the reporting duties, then each records its signature. The second signature puts it in force and
/// starts the pilot. A change clears both signatures.
/// </summary>
[Authorize]
public sealed class AgreementModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "CollaborationAgreementMessage";

    /// <summary>The largest cost a side may bear, in yen (10 billion): beyond it is a typing mistake.</summary>
    public const long MaxCost = 10_000_000_000;

    /// <summary>Empty rows offered beyond the filled ones, so that the form works without script.</summary>
    public const int SpareRows = 4;

    public sealed class RoleInput
    {
        public AgreementParty? Party { get; set; }
        public string? Responsibility { get; set; }
    }

    public sealed class AgreementInput
    {
        public List<RoleInput> Roles { get; set; } = [];
        public long? GovernmentCost { get; set; }
        public long? PartnerCost { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? PlaceBoundaries { get; set; }
        public string? ReportingDuties { get; set; }
    }

    public sealed class SignInput
    {
        public AgreementParty? Party { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
    }

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    [BindProperty]
    public SignInput Signature { get; set; } = new();

    public PilotAccess Access { get; private set; } = null!;
    public CollaborationProposal Proposal => Access.Proposal;
    public CollaborationCall Call => Access.Call;
    public CollaborationAgreement? Agreement { get; private set; }
    public Guid? PilotId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string? Message { get; private set; }

    /// <summary>The role rows the form shows: the filled ones and a few empty ones, at most the agreement's limit.</summary>
    public IReadOnlyList<RoleInput> RoleRows =>
        Input.Roles.Concat(Enumerable.Range(0, SpareRows).Select(_ => new RoleInput())).Take(Math.Max(Input.Roles.Count, CollaborationAgreement.MaxRoles)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        Input = Agreement is { } a ? FromAgreement(a) : FromProposal(Proposal);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        var agreement = await db.CollaborationAgreements.SingleOrDefaultAsync(a => a.ProposalId == id, cancellationToken);
        if (agreement?.InForce == true) ModelState.AddModelError("", l["締結済みの協定は変更できません。"]);
        var details = Validate();
        if (!ModelState.IsValid || details is null) return await ShowAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (agreement is null) db.CollaborationAgreements.Add(new CollaborationAgreement(id, details, now));
        else agreement.Edit(details, now);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, agreement is null ? "協定を保存しました。双方の署名で締結されます。" : "協定を変更しました。署名は取り消されたので、双方がもう一度署名してください。");
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        var agreement = await db.CollaborationAgreements.SingleOrDefaultAsync(a => a.ProposalId == id, cancellationToken);
        if (agreement is null) ModelState.AddModelError("", l["先に協定を保存してください。"]);
        else if (agreement.InForce) ModelState.AddModelError("", l["この協定は締結済みです。"]);
        var signatory = ValidateSignature();
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        var now = clock.GetUtcNow();
        agreement!.Sign(Signature.Party!.Value, signatory, Access.AccountId, now);
        if (agreement.InForce) await StartPilot.RunAsync(db, Proposal, Call, Access.AccountId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, agreement.InForce ? "双方の署名がそろい、協定が締結されました。協働の試行を始めます。" : "署名を記録しました。相手側の署名を待っています。");
    }

    /// <summary>The agreement from the form, or null with the form's errors. Rows left blank are not roles.</summary>
    private AgreementDetails? Validate()
    {
        var roles = new List<AgreementRole>();
        for (var i = 0; i < Input.Roles.Count; i++)
        {
            var row = Input.Roles[i];
            var text = row.Responsibility?.Trim() ?? "";
            if (text.Length == 0) continue;
            if (text.Length > CollaborationAgreement.MaxResponsibilityLength)
                ModelState.AddModelError($"Input.Roles[{i}].Responsibility", l["役割は{0}文字以内で入力してください。", CollaborationAgreement.MaxResponsibilityLength]);
            if (row.Party is not { } party || !Enum.IsDefined(party))
                ModelState.AddModelError($"Input.Roles[{i}].Party", l["役割「{0}」を担う側（行政または提案者）を選んでください。", text]);
            else roles.Add(new AgreementRole(party, text));
        }
        if (roles.Count > CollaborationAgreement.MaxRoles)
            ModelState.AddModelError("Input.Roles", l["役割は{0}件までです。", CollaborationAgreement.MaxRoles]);
        else if (ModelState.IsValid && !CollaborationAgreement.HasBothParties(roles))
            ModelState.AddModelError("Input.Roles", l["協定には行政と提案者の両方が必要です。それぞれが担う役割を少なくとも1つずつ書いてください。"]);
        Cost(Input.GovernmentCost, "Input.GovernmentCost", "行政の負担額を0以上{0}以下の円で入力してください。");
        Cost(Input.PartnerCost, "Input.PartnerCost", "提案者の負担額を0以上{0}以下の円で入力してください。");
        if (Input.StartsOn is null) ModelState.AddModelError("Input.StartsOn", l["開始日を入力してください。"]);
        if (Input.EndsOn is not { } ends) ModelState.AddModelError("Input.EndsOn", l["終了日を入力してください。"]);
        else if (Input.StartsOn is { } starts && ends < starts) ModelState.AddModelError("Input.EndsOn", l["終了日は開始日以降にしてください。"]);
        var place = Text(Input.PlaceBoundaries, "Input.PlaceBoundaries", "場所の範囲を入力してください。", "場所の範囲は{0}文字以内で入力してください。");
        var reporting = Text(Input.ReportingDuties, "Input.ReportingDuties", "報告の義務を入力してください。", "報告の義務は{0}文字以内で入力してください。");
        if (!ModelState.IsValid) return null;
        return new AgreementDetails(roles, Input.GovernmentCost!.Value, Input.PartnerCost!.Value, Input.StartsOn!.Value, Input.EndsOn!.Value, place, reporting);
    }

    private void Cost(long? value, string key, string message)
    {
        if (value is not (>= 0 and <= MaxCost)) ModelState.AddModelError(key, l[message, MaxCost.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private string Text(string? value, string key, string required, string tooLong)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError(key, l[required]);
        else if (text.Length > CollaborationAgreement.MaxTextLength) ModelState.AddModelError(key, l[tooLong, CollaborationAgreement.MaxTextLength]);
        return text;
    }

    /// <summary>The signatory as recorded ("title name"); each side signs only for itself.</summary>
    private string ValidateSignature()
    {
        if (Signature.Party is not { } party || !Enum.IsDefined(party)) ModelState.AddModelError("Signature.Party", l["署名する側を選んでください。"]);
        else if (party != Access.Side)
            ModelState.AddModelError("Signature.Party", l[party == AgreementParty.Government
                ? "行政側の署名は、行政の職員だけが記録できます。"
                : "提案者側の署名は、提案者と提案団体の管理者だけが記録できます。"]);
        var name = Signature.Name?.Trim() ?? "";
        var title = Signature.Title?.Trim() ?? "";
        var signatory = title.Length > 0 ? $"{title} {name}" : name;
        if (name.Length == 0) ModelState.AddModelError("Signature.Name", l["署名者の氏名を入力してください。"]);
        else if (signatory.Length > CollaborationAgreement.MaxSignatoryLength)
            ModelState.AddModelError("Signature.Name", l["署名者の役職と氏名は合わせて{0}文字以内で入力してください。", CollaborationAgreement.MaxSignatoryLength]);
        return signatory;
    }

    private static AgreementInput FromAgreement(CollaborationAgreement a) => new()
    {
        Roles = a.Roles.Select(r => new RoleInput { Party = r.Party, Responsibility = r.Responsibility }).ToList(),
        GovernmentCost = a.GovernmentCost,
        PartnerCost = a.PartnerCost,
        StartsOn = a.StartsOn,
        EndsOn = a.EndsOn,
        PlaceBoundaries = a.PlaceBoundaries,
        ReportingDuties = a.ReportingDuties,
    };

    /// <summary>A first draft from the proposal: its period and place; the rest is for both sides to agree.</summary>
    private static AgreementInput FromProposal(CollaborationProposal p) => new() { StartsOn = p.StartsOn, EndsOn = p.EndsOn, PlaceBoundaries = p.Place };

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await PilotAccess.ForProposalAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    /// <summary>The agreement for a side's write: 404 off both sides; staff save and sign for the government under the Staff policy.</summary>
    private async Task<IActionResult?> WriterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        return await Access.MayWriteAsync(authorization, User) ? null : CollaborationAccess.Refusal(this);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(PilotLinks.Agreement(id));
    }

    /// <summary>The page again with the form's errors; nothing was saved.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Proposal.Id;
        Agreement = await db.CollaborationAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.ProposalId == id, cancellationToken);
        PilotId = await db.CollaborationPilots.Where(p => p.ProposalId == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        OrganizationName = Proposal.OrganizationId is { } organization
            ? await db.Organizations.Where(o => o.Id == organization).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? ""
            : "";
    }
}
