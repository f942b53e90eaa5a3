using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// One application as its applicant sees it: where it stands (draft, review, decision, disbursement, reports, closing),
/// the draft's answers and attachments (recognized by their bytes), the eligibility checks before submission, and
/// submission. The fund's admins and the programme's reviewers read it once it is submitted.
/// </summary>
[Authorize]
public sealed class ApplicationModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "GrantApplicationMessage";

    public sealed record AttachmentRow(Guid Id, string FileName, long Size);

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? RequestedAmount { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public ApplicationAccess Access { get; private set; } = null!;
    public GrantApplication Application => Access.Application;
    public GrantProgramme Programme => Access.Programme;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<GrantEligibility.Check> Eligibility { get; private set; } = [];
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public GrantAward? Award { get; private set; }
    public GrantStage Stage { get; private set; }
    public string? Message { get; private set; }
    public bool TakesApplications => Programme.TakesApplications(JapanTime.Date(clock.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        return await ShowAsync(cancellationToken);
    }

    /// <summary>The file as an attachment, with the type found from its bytes when it was added, and nosniff.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        var file = await db.GrantAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ApplicationId == id)
            .Select(a => new { a.FileName, a.ContentType, a.Content }).SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        var title = (Title ?? "").Trim();
        if (title.Length == 0) ModelState.AddModelError(nameof(Title), l["事業の名前を入力してください。"]);
        else if (title.Length > GrantApplication.MaxTitleLength) ModelState.AddModelError(nameof(Title), l["{0}文字以内で入力してください。", GrantApplication.MaxTitleLength]);
        var summary = (Summary ?? "").Trim();
        if (summary.Length > GrantApplication.MaxTextLength) ModelState.AddModelError(nameof(Summary), l["{0}文字以内で入力してください。", GrantApplication.MaxTextLength]);
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(RequestedAmount))
        {
            amount = YenInput.Parse(RequestedAmount, l, out var message);
            if (message is not null) ModelState.AddModelError(nameof(RequestedAmount), message);
            else if (amount > Programme.MaxPerGrant)
                ModelState.AddModelError(nameof(RequestedAmount), l["申請額は1件あたりの上限（{0}円）以下にしてください。", YenInput.Format(Programme.MaxPerGrant)]);
        }
        var answers = Programme.Questions.Select((_, i) => (i < Answers.Count ? Answers[i] ?? "" : "").Trim()).ToList();
        for (var i = 0; i < answers.Count; i++)
            if (answers[i].Length > GrantApplication.MaxAnswerLength) ModelState.AddModelError($"Answers[{i}]", l["{0}文字以内で入力してください。", GrantApplication.MaxAnswerLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken, keepInput: true);
        Application.Title = title;
        Application.Summary = summary;
        Application.RequestedAmount = amount;
        Application.Answers = answers;
        Application.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "下書きを保存しました。");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        byte[]? content = null;
        DeliverableFileType.Kind? kind = null;
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", l["ファイルを選んでください。"]);
        else if ((content = await Uploads.ReadAsync(file, GrantAttachment.MaxFileBytes, cancellationToken)) is null)
            ModelState.AddModelError("file", l["ファイルは{0}MB以内にしてください。", GrantAttachment.MaxFileBytes / 1024 / 1024]);
        else if ((kind = DeliverableFileType.Of(content, file.FileName)) is null)
            ModelState.AddModelError("file", l["受け付けられるのは、PDF、PNG、JPEG、Word・Excel・PowerPoint（docx、xlsx、pptx）、UTF-8のテキスト・CSV（txt、csv）のファイルです。"]);
        if (await db.GrantAttachments.CountAsync(a => a.ApplicationId == id, cancellationToken) >= GrantAttachment.MaxPerApplication)
            ModelState.AddModelError("file", l["添付できる資料は1つの応募に{0}件までです。", GrantAttachment.MaxPerApplication]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.GrantAttachments.Add(new GrantAttachment(id, DeliverableFileType.SafeName(file!.FileName, kind!), kind!.ContentType, content!, clock.GetUtcNow()));
        Application.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "資料を添付しました。");
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        var removed = await db.GrantAttachments.Where(a => a.Id == attachmentId && a.ApplicationId == id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return NotFound();
        return Done(id, "添付した資料を削除しました。");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, cancellationToken) is { } refused) return refused;
        foreach (var problem in await SubmissionProblemsAsync(cancellationToken)) ModelState.AddModelError("", problem);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Application.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "応募を提出しました。審査の結果はこのページでお知らせします。");
    }

    /// <summary>Why the draft cannot be submitted yet: the call closed, eligibility not met, or something left blank.</summary>
    private async Task<List<string>> SubmissionProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!TakesApplications) problems.Add(l["このプログラムはいま応募を受け付けていません。"]);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Application.OrganizationId, cancellationToken);
        if (GrantEligibility.Of(Programme, organization).Any(c => !c.Met)) problems.Add(l["応募の条件を満たしていないため、提出できません。"]);
        if (Application.Summary.Length == 0) problems.Add(l["事業の概要を書いてください。"]);
        if (Application.RequestedAmount is null) problems.Add(l["申請額を入力してください。"]);
        else if (Application.RequestedAmount > Programme.MaxPerGrant)
            problems.Add(l["申請額は1件あたりの上限（{0}円）以下にしてください。", YenInput.Format(Programme.MaxPerGrant)]);
        if (Programme.Questions.Count > 0 && Application.Answers.Take(Programme.Questions.Count).Count(a => a.Length > 0) < Programme.Questions.Count)
            problems.Add(l["すべての質問に答えてください。"]);
        return problems;
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ApplicationAccess.ForAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    /// <summary>The applicant admins' changes to a draft; others who read it are refused, and a submitted one says it no longer changes.</summary>
    private async Task<IActionResult?> ChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (!Access.IsApplicantAdmin) return Forbid();
        if (Application.IsDraft) return null;
        ModelState.AddModelError("", l["提出済みの応募は変更できません。"]);
        return await ShowAsync(cancellationToken);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/applications/{id}");
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken, bool keepInput = false)
    {
        var a = Application;
        if (!keepInput)
        {
            Title = a.Title;
            Summary = a.Summary;
            RequestedAmount = a.RequestedAmount is { } requested ? YenInput.Format(requested) : "";
            Answers = Programme.Questions.Select((_, i) => (string?)(i < a.Answers.Count ? a.Answers[i] : "")).ToList();
        }
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == a.OrganizationId, cancellationToken);
        OrganizationName = organization.Name;
        Eligibility = GrantEligibility.Of(Programme, organization);
        Attachments = await db.GrantAttachments.AsNoTracking().Where(x => x.ApplicationId == a.Id).OrderBy(x => x.AddedAt)
            .Select(x => new AttachmentRow(x.Id, x.FileName, x.Size)).ToListAsync(cancellationToken);
        Award = await db.GrantAwards.AsNoTracking().SingleOrDefaultAsync(x => x.ApplicationId == a.Id, cancellationToken);
        var instalments = Award is null ? [] : await db.GrantInstalments.AsNoTracking().Where(i => i.AwardId == Award.Id).Select(i => i.PaidOn).ToListAsync(cancellationToken);
        Stage = GrantStages.Of(a, Award, instalments.Count, instalments.Count(p => p is not null));
        return Page();
    }
}
