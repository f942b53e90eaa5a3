using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// One proposal. The proposer and the proposing organization's admins edit it, attach files (recognized by their bytes,
/// served as attachments with nosniff), name co-proposing organizations and submit it before the call's deadline; once
/// submitted it does not change. Staff and the call's reviewers read it; staff reads are audited (it names the proposer).
/// </summary>
[Authorize]
public sealed class ProposalModel(AppDbContext db, IAuthorizationService authorization, AuditTrail audit, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CollaborationProposalMessage";
    private const int MaxFound = 20;

    public sealed record AttachmentRow(Guid Id, string FileName, long Size, DateTimeOffset AddedAt);

    public sealed record OrganizationRow(Guid Id, string Name);

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    /// <summary>The name typed to find a co-proposing organization (?q=).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? CoProposerQuery { get; set; }

    public ProposalAccess Access { get; private set; } = null!;
    public CollaborationProposal Proposal => Access.Proposal;
    public CollaborationCall Call => Access.Call;
    public string? ProposerName { get; private set; }
    public string? OrganizationName { get; private set; }
    public IReadOnlyList<OrganizationRow> CoProposers { get; private set; } = [];
    public IReadOnlyList<OrganizationRow> Found { get; private set; } = [];
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public IReadOnlyList<ProposalForm.OrganizationOption> Organizations { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The proposal is adopted and the person is on one of its sides: the page links to its agreement.</summary>
    public bool ShowsAgreement { get; private set; }

    /// <summary>The pilot the agreement started, once it is in force (linked with the agreement).</summary>
    public Guid? PilotId { get; private set; }

    public bool CanChange => Access.CanWrite && Proposal.CanEdit;

    /// <summary>The call takes submissions: open, and its deadline (a Japan date) not passed.</summary>
    public bool TakesProposals => Call.Status == CallStatus.Open && JapanTime.Date(clock.GetUtcNow()) <= Call.Deadline;

    public ProposalForm Form => new(Input, Call, Organizations, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, Proposal.ProposerId, $"collaboration proposal {id}", cancellationToken);
        Message = TempData[MessageKey] as string;
        Input = ProposalInput.From(Proposal);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The file as an attachment, with the type found from its bytes when it was added and nosniff.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        var file = await db.ProposalAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ProposalId == id)
            .Join(db.ProposalAttachmentFiles, a => a.Id, f => f.AttachmentId, (a, f) => new { a.FileName, a.ContentType, f.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, Proposal.ProposerId, $"collaboration proposal attachment {attachmentId}", cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Call, Proposal.CoProposers, AllowedOrganizations(), japan, l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return await ShowAsync(cancellationToken, keepInput: true);
        }
        Proposal.Edit(details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "提案を保存しました。");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        byte[]? content = null;
        DeliverableFileType.Kind? kind = null;
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", l["ファイルを選んでください。"]);
        else if ((content = await Uploads.ReadAsync(file, ProposalAttachment.MaxFileBytes, cancellationToken)) is null)
            ModelState.AddModelError("file", l["ファイルは{0}MB以内にしてください。", ProposalAttachment.MaxFileBytes / 1024 / 1024]);
        else if ((kind = DeliverableFileType.Of(content, file.FileName)) is null)
            ModelState.AddModelError("file", l["受け付けられるのは、PDF、PNG、JPEG、Word・Excel・PowerPoint（docx、xlsx、pptx）、UTF-8のテキスト・CSV（txt、csv）のファイルです。"]);
        if (await db.ProposalAttachments.CountAsync(a => a.ProposalId == id, cancellationToken) >= ProposalAttachment.MaxPerProposal)
            ModelState.AddModelError("file", l["添付できる資料は1つの提案に{0}件までです。", ProposalAttachment.MaxPerProposal]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        var (attachment, bytes) = ProposalAttachment.Create(id, DeliverableFileType.SafeName(file!.FileName, kind!), kind!.ContentType, content!, clock.GetUtcNow());
        db.ProposalAttachments.Add(attachment);
        db.ProposalAttachmentFiles.Add(bytes);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "資料を添付しました。");
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        var attachment = await db.ProposalAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ProposalId == id, cancellationToken);
        if (attachment is null) return NotFound();
        await db.ProposalAttachmentFiles.Where(f => f.AttachmentId == attachmentId).ExecuteDeleteAsync(cancellationToken);
        db.ProposalAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "添付した資料を削除しました。");
    }

    public async Task<IActionResult> OnPostAddCoProposerAsync(Guid id, Guid organizationId, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.Verification == VerificationStatus.Verified)
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (organization is null) ModelState.AddModelError("q", l["共同提案者は、確認済みの団体から選んでください。"]);
        else if (organization.Id == Proposal.OrganizationId || Proposal.CoProposers.Contains(organization.Id))
            ModelState.AddModelError("q", l["「{0}」はすでにこの提案の提案者です。", organization.Name]);
        else if (Proposal.CoProposers.Count >= CollaborationProposal.MaxCoProposers)
            ModelState.AddModelError("q", l["共同提案者は{0}団体までです。", CollaborationProposal.MaxCoProposers]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Proposal.Edit(Details(Proposal, [.. Proposal.CoProposers, organization!.Id]), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "共同提案者を加えました。");
    }

    public async Task<IActionResult> OnPostRemoveCoProposerAsync(Guid id, Guid organizationId, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        if (!Proposal.CoProposers.Contains(organizationId))
        {
            ModelState.AddModelError("q", l["その団体はこの提案の共同提案者ではありません。"]);
            return await ShowAsync(cancellationToken);
        }
        Proposal.Edit(Details(Proposal, Proposal.CoProposers.Where(o => o != organizationId).ToList()), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "共同提案者から外しました。");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        if (Call.Status != CallStatus.Open) ModelState.AddModelError("", l["募集が公開中ではないため、提出できません。"]);
        else if (JapanTime.Date(clock.GetUtcNow()) > Call.Deadline) ModelState.AddModelError("", l["締切日（{0}）を過ぎたため、提出できません。", Calls.CallInput.Date(Call.Deadline)]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Proposal.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "提案を提出しました。審査の結果はお知らせで届きます。");
    }

    private static ProposalDetails Details(CollaborationProposal p, IReadOnlyList<Guid> coProposers) =>
        new(p.OrganizationId, coProposers, p.Title, p.Goal, p.Plan, p.Roles, p.Budget, p.StartsOn, p.EndsOn, p.Place, p.MunicipalityCode);

    /// <summary>The organizations the form may name: the person's own as admin, and the one already named (kept as it is).</summary>
    private HashSet<Guid> AllowedOrganizations()
    {
        var allowed = Organizations.Select(o => o.Id).ToHashSet();
        if (Proposal.OrganizationId is { } current) allowed.Add(current);
        return allowed;
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ProposalAccess.ForAsync(db, authorization, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    /// <summary>
    /// The proposer's and the organization admins' changes: others who read it are refused; a submitted proposal is not
    /// changed, and the page says so (with the proposal shown as it is).
    /// </summary>
    private async Task<IActionResult?> ChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (!Access.CanWrite) return Forbid();
        Organizations = await ProposalForm.AdministeredAsync(db, Access.AccountId, cancellationToken);
        if (Proposal.CanEdit) return null;
        ModelState.AddModelError("", l["提出済みの提案は変更できません。"]);
        return await ShowAsync(cancellationToken);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/collaboration/proposals/{id}");
    }

    /// <summary>The page again with its errors; the form shows what was typed only when it was the form that was posted.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken, bool keepInput = false)
    {
        if (!keepInput) Input = ProposalInput.From(Proposal);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var p = Proposal;
        ProposerName = p.ProposerId is { } proposer
            ? await db.Users.AsNoTracking().Where(u => u.Id == proposer).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        OrganizationName = p.OrganizationId is { } organization
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organization).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var co = p.CoProposers.ToList();
        CoProposers = co.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => co.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OrganizationRow(o.Id, o.Name)).ToListAsync(cancellationToken);
        Attachments = await db.ProposalAttachments.AsNoTracking().Where(a => a.ProposalId == p.Id).OrderBy(a => a.AddedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Size, a.AddedAt)).ToListAsync(cancellationToken);
        ShowsAgreement = await Pilots.PilotAccess.MayOpenAsync(db, User, p, cancellationToken);
        if (ShowsAgreement)
            PilotId = await db.CollaborationPilots.AsNoTracking().Where(x => x.ProposalId == p.Id).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(cancellationToken);
        if (!CanChange) return;
        if (Organizations.Count == 0) Organizations = await ProposalForm.AdministeredAsync(db, Access.AccountId, cancellationToken);
        if (OrganizationName is not null && !Organizations.Any(o => o.Id == p.OrganizationId))
            Organizations = [.. Organizations, new ProposalForm.OrganizationOption(p.OrganizationId!.Value, OrganizationName)];
        var query = CoProposerQuery?.Trim() ?? "";
        if (query.Length is > 0 and <= 100)
        {
            var taken = co.Append(p.OrganizationId ?? Guid.Empty).ToList();
            Found = await db.Organizations.AsNoTracking()
                .Where(o => o.Verification == VerificationStatus.Verified && !taken.Contains(o.Id) && (o.Name.Contains(query) || o.Kana.Contains(query)))
                .OrderBy(o => o.Name).Take(MaxFound).Select(o => new OrganizationRow(o.Id, o.Name)).ToListAsync(cancellationToken);
        }
    }
}
