using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// A project's deliverables (成果物): the organization's admins and the team add files (recognized by their bytes, at
/// most <see cref="ProjectDeliverable.MaxFileBytes"/>) or https links, and take back their own; everyone on the project
/// lists and downloads them. Files are served as attachments with their recognized type and nosniff, so nothing
/// uploaded runs in the platform's origin. Coordinators read, audited (the list names who added what).
/// </summary>
[Authorize]
public sealed class DeliverablesModel(AppDbContext db, IAuthorizationService authorization, AuditTrail audit,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoDeliverablesMessage";

    public sealed record Row(Guid Id, string Title, DeliverableKind Kind, string? Url, string? FileName, long Size, string AddedBy, DateTimeOffset AddedAt, bool Mine);

    public sealed class DeliverableInput
    {
        public string? Title { get; set; }
        public DeliverableKind? Kind { get; set; }
        public string? Url { get; set; }
    }

    [BindProperty]
    public DeliverableInput Input { get; set; } = new();

    public ProjectAccess Access { get; private set; } = null!;
    public ProBonoProject Project => Access.Project;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"probono deliverables {id}", cancellationToken);
        Message = TempData[MessageKey] as string;
        Input.Kind = await db.Challenges.AsNoTracking().Where(c => c.Id == Project.ChallengeId).Select(c => (DeliverableKind?)c.Deliverable).SingleOrDefaultAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The file as an attachment, with the type found from its bytes when it was added and nosniff.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid deliverableId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        var file = await db.ProjectDeliverables.AsNoTracking()
            .Where(d => d.Id == deliverableId && d.ProjectId == id && d.FileName != null && d.ContentType != null)
            .Join(db.DeliverableFiles, d => d.Id, f => f.DeliverableId, (d, f) => new { d.FileName, d.ContentType, f.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"probono deliverable {deliverableId}", cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType!, file.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var title = CheckTitleAndKind();
        byte[]? content = null;
        DeliverableFileType.Kind? kind = null;
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", l["ファイルを選んでください。"]);
        else if ((content = await Uploads.ReadAsync(file, ProjectDeliverable.MaxFileBytes, cancellationToken)) is null)
            ModelState.AddModelError("file", l["ファイルは{0}MB以内にしてください。", ProjectDeliverable.MaxFileBytes / 1024 / 1024]);
        else if ((kind = DeliverableFileType.Of(content, file.FileName)) is null)
            ModelState.AddModelError("file", l["受け付けられるのは、PDF、PNG、JPEG、Word・Excel・PowerPoint（docx、xlsx、pptx）、UTF-8のテキスト・CSV（txt、csv）のファイルです。"]);
        await CheckCountAsync(id, cancellationToken);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        var (deliverable, bytes) = ProjectDeliverable.Upload(id, title, Input.Kind!.Value, DeliverableFileType.SafeName(file!.FileName, kind!), kind!.ContentType,
            content!, Access.AccountId, clock.GetUtcNow());
        db.ProjectDeliverables.Add(deliverable);
        db.DeliverableFiles.Add(bytes);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "成果物のファイルを追加しました。");
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var title = CheckTitleAndKind();
        var text = Input.Url?.Trim() ?? "";
        Uri? url = null;
        if (text.Length == 0)
            ModelState.AddModelError("Input.Url", l["リンク先のURLを入力してください。"]);
        else if (text.Length > ProjectDeliverable.MaxUrlLength)
            ModelState.AddModelError("Input.Url", l["URLは{0}文字以内で入力してください。", ProjectDeliverable.MaxUrlLength]);
        else if (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(url.Host) || url.UserInfo.Length > 0)
            ModelState.AddModelError("Input.Url", l["リンクは https:// で始まるURLにしてください。"]);
        await CheckCountAsync(id, cancellationToken);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.ProjectDeliverables.Add(ProjectDeliverable.Link(id, title, Input.Kind!.Value, url!, Access.AccountId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "成果物のリンクを追加しました。");
    }

    /// <summary>Each person takes back only what they added.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid deliverableId, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var deliverable = await db.ProjectDeliverables.SingleOrDefaultAsync(d => d.Id == deliverableId && d.ProjectId == id && d.AddedBy == Access.AccountId, cancellationToken);
        if (deliverable is null) return NotFound();
        await db.DeliverableFiles.Where(f => f.DeliverableId == deliverableId).ExecuteDeleteAsync(cancellationToken);
        db.ProjectDeliverables.Remove(deliverable);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "成果物を取り下げました。");
    }

    private string CheckTitleAndKind()
    {
        var title = Input.Title?.Trim() ?? "";
        if (title.Length == 0) ModelState.AddModelError("Input.Title", l["成果物の名前を入力してください。"]);
        else if (title.Length > ProjectDeliverable.MaxTitleLength) ModelState.AddModelError("Input.Title", l["成果物の名前は{0}文字以内で入力してください。", ProjectDeliverable.MaxTitleLength]);
        if (Input.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Input.Kind", l["成果物の種類を選んでください。"]);
        return title;
    }

    private async Task CheckCountAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ProjectDeliverables.CountAsync(d => d.ProjectId == id, cancellationToken) >= ProjectDeliverable.MaxPerProject)
            ModelState.AddModelError("", l["成果物は1つのプロジェクトに{0}件までです。", ProjectDeliverable.MaxPerProject]);
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ProjectAccess.ForAsync(db, authorization, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    /// <summary>The organization's admins and the team add deliverables; coordinators read.</summary>
    private async Task<IActionResult?> WorkerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        return Access.CanWork ? null : Forbid();
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(ProjectLinks.Deliverables(id));
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = Access.AccountId;
        Rows = await db.ProjectDeliverables.AsNoTracking().Where(d => d.ProjectId == Project.Id)
            .OrderByDescending(d => d.AddedAt)
            .GroupJoin(db.Users, d => d.AddedBy, u => u.Id, (d, people) => new { d, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, u) => new Row(x.d.Id, x.d.Title, x.d.Kind, x.d.Url, x.d.FileName, x.d.Size,
                u == null ? "" : u.DisplayName, x.d.AddedAt, x.d.AddedBy == me))
            .ToListAsync(cancellationToken);
    }
}
