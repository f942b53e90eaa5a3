using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>
/// One call: its terms, rubric and presentation session, and the decisions on its proposals with their reasons, for
/// everyone. Staff run it from here: open it, add and remove reviewers, schedule the public presentation, start the
/// review (submissions close) and close it once every submitted proposal has its decision.
/// </summary>
[AllowAnonymous]
public sealed class CallModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CollaborationCallMessage";

    private static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    public sealed record Result(string Title, string? Organization, ProposalStatus Status, string Reason, string Conditions, DateTimeOffset? DecidedAt);

    public sealed record Reviewer(Guid AccountId, string Name, string Email);

    /// <summary>A proposal the signed-in person wrote or may edit for their organization, or is asked to review.</summary>
    public sealed record Listed(Guid Id, string Title, ProposalStatus Status);

    public sealed class PresentationInput
    {
        public string? At { get; set; }
        public string? Place { get; set; }
    }

    [BindProperty]
    public string? ReviewerEmail { get; set; }

    [BindProperty]
    public PresentationInput Presentation { get; set; } = new();

    public CollaborationCall Call { get; private set; } = null!;
    public bool IsGovernmentStaff { get; private set; }
    public string? InitiativeTitle { get; private set; }
    public IReadOnlyList<Result> Results { get; private set; } = [];
    public IReadOnlyList<Reviewer> Reviewers { get; private set; } = [];
    public IReadOnlyList<Listed> Mine { get; private set; } = [];
    public IReadOnlyList<Listed> ToReview { get; private set; } = [];
    public int Drafts { get; private set; }
    public int Undecided { get; private set; }
    public int Decided { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Message { get; private set; }

    /// <summary>Proposals come in while the call is open, up to the end of its deadline (Japan date).</summary>
    public bool TakesProposals => Call.Status == CallStatus.Open && Today <= Call.Deadline;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        IsGovernmentStaff = CollaborationAccess.IsGovernmentStaff(User);
        if (call is null || (call.Status == CallStatus.Draft && !IsGovernmentStaff)) return NotFound();
        Call = call;
        Message = TempData[MessageKey] as string;
        if (Presentation.At is null && call.PresentationAt is { } at)
            Presentation = new PresentationInput { At = TimeZoneInfo.ConvertTime(at, JapanTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), Place = call.PresentationPlace };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        if (Call.Status != CallStatus.Draft) ModelState.AddModelError("", l["公開できるのは下書きの募集だけです。"]);
        else if (Call.Deadline < JapanTime.Date(clock.GetUtcNow())) ModelState.AddModelError("", l["提案の締切日が過ぎているため公開できません。締切日を直してください。"]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Call.Open(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "募集を公開しました。締切日まで提案を受け付けます。");
    }

    public async Task<IActionResult> OnPostAddReviewerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        var email = ReviewerEmail?.Trim() ?? "";
        Guid? accountId = null;
        if (Call.Status == CallStatus.Closed) ModelState.AddModelError("", l["終了した募集の審査員は変更できません。"]);
        else if (email.Length == 0) ModelState.AddModelError(nameof(ReviewerEmail), l["審査員のメールアドレスを入力してください。"]);
        else if (email.Length > 256 || (accountId = await AccountByEmailAsync(email, cancellationToken)) is null)
            ModelState.AddModelError(nameof(ReviewerEmail), l["このメールアドレスのアカウントはありません。審査員には、アカウントをもつ人を加えてください。"]);
        else if (await db.CallReviewers.AnyAsync(r => r.CallId == id && r.AccountId == accountId, cancellationToken))
            ModelState.AddModelError(nameof(ReviewerEmail), l["この人はすでに審査員です。"]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.CallReviewers.Add(new CallReviewer(id, accountId!.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "審査員を加えました。");
    }

    public async Task<IActionResult> OnPostRemoveReviewerAsync(Guid id, Guid accountId, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        var reviewer = await db.CallReviewers.SingleOrDefaultAsync(r => r.CallId == id && r.AccountId == accountId, cancellationToken);
        if (Call.Status == CallStatus.Closed) ModelState.AddModelError("", l["終了した募集の審査員は変更できません。"]);
        else if (reviewer is null) ModelState.AddModelError("", l["この人はこの募集の審査員ではありません。"]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        // The reviews they already gave stay: they are part of the record of how the proposals were judged.
        db.CallReviewers.Remove(reviewer!);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "審査員から外しました。");
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        var place = Presentation.Place?.Trim() ?? "";
        DateTimeOffset? at = null;
        if (Call.Status is CallStatus.Draft or CallStatus.Closed)
            ModelState.AddModelError("", l["公開プレゼンテーションは、公開中か審査中の募集で予定できます。"]);
        else
        {
            if (!DateTime.TryParseExact(Presentation.At?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                || local.Year is < SaveOpportunity.FirstYear or > SaveOpportunity.LastYear)
                ModelState.AddModelError("Presentation.At", l["公開プレゼンテーションの日時を正しい日時で入力してください。"]);
            else at = SaveOpportunity.FromJapan(local);
            if (place.Length == 0) ModelState.AddModelError("Presentation.Place", l["{0}を入力してください。", l["会場"]]);
            else if (place.Length > CollaborationCall.MaxPlaceLength) ModelState.AddModelError("Presentation.Place", l["{0}は{1}文字以内で入力してください。", l["会場"], CollaborationCall.MaxPlaceLength]);
        }
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Call.SchedulePresentation(at!.Value, place, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "公開プレゼンテーションの予定を保存しました。");
    }

    public async Task<IActionResult> OnPostStartReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        if (Call.Status != CallStatus.Open)
        {
            ModelState.AddModelError("", l["審査を始められるのは公開中の募集だけです。"]);
            return await ShowAsync(cancellationToken);
        }
        Call.StartReview(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "審査を始めました。提案の受け付けは終わりました。");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await StaffAsync(id, cancellationToken) is { } refused) return refused;
        var undecided = await db.CollaborationProposals.CountAsync(p => p.CallId == id && p.Status == ProposalStatus.Submitted, cancellationToken);
        if (Call.Status != CallStatus.Reviewing) ModelState.AddModelError("", l["終了できるのは審査中の募集だけです。"]);
        else if (undecided > 0) ModelState.AddModelError("", l["まだ決定していない提案が{0}件あります。すべての提案を決定してから終了してください。", undecided]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Call.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "募集を終了しました。");
    }

    /// <summary>
    /// The call for staff's handlers, or the refusal: 404 for an unknown call; sign-in, the second factor's set-up or 403
    /// for anyone the Staff policy turns away.
    /// </summary>
    private async Task<IActionResult?> StaffAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        IsGovernmentStaff = CollaborationAccess.IsGovernmentStaff(User);
        if (call is null || (call.Status == CallStatus.Draft && !IsGovernmentStaff)) return NotFound();
        if (!await CollaborationAccess.ActsAsStaffAsync(authorization, User)) return CollaborationAccess.Refusal(this);
        Call = call;
        return null;
    }

    private async Task<Guid?> AccountByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/collaboration/calls/{id}");
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Call.Id;
        Today = JapanTime.Date(clock.GetUtcNow());
        InitiativeTitle = Call.InitiativeId is { } initiative
            ? await db.Initiatives.AsNoTracking().Where(i => i.Id == initiative).Select(i => i.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Decisions are published with their reasons; a proposal is named by its organization, never by a person.
        Results = await db.CollaborationProposals.AsNoTracking()
            .Where(p => p.CallId == id && p.DecidedAt != null)
            .OrderBy(p => p.Status).ThenBy(p => p.Title)
            .GroupJoin(db.Organizations, p => p.OrganizationId, o => o.Id, (p, os) => new { p, os })
            .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new Result(x.p.Title, o == null ? null : o.Name, x.p.Status, x.p.DecisionReason, x.p.Conditions, x.p.DecidedAt))
            .ToListAsync(cancellationToken);
        await LoadOwnAsync(cancellationToken);
        if (!IsGovernmentStaff) return;
        Reviewers = await (from r in db.CallReviewers.AsNoTracking()
                           where r.CallId == id
                           join u in db.Users on r.AccountId equals u.Id
                           orderby u.DisplayName
                           select new Reviewer(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
        var counts = await db.CollaborationProposals.AsNoTracking().Where(p => p.CallId == id)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Drafts = counts.Where(c => c.Key == ProposalStatus.Draft).Sum(c => c.Count);
        Undecided = counts.Where(c => c.Key == ProposalStatus.Submitted).Sum(c => c.Count);
        Decided = counts.Where(c => c.Key > ProposalStatus.Submitted).Sum(c => c.Count);
    }

    /// <summary>The way back to one's own drafts and, for a reviewer while the review runs, to the proposals to score.</summary>
    private async Task LoadOwnAsync(CancellationToken cancellationToken)
    {
        var me = CollaborationAccess.AccountId(User);
        if (me == Guid.Empty) return;
        var id = Call.Id;
        var administered = db.Memberships.Where(m => m.AccountId == me && m.Role == MembershipRole.Admin).Select(m => (Guid?)m.OrganizationId);
        Mine = await db.CollaborationProposals.AsNoTracking()
            .Where(p => p.CallId == id && (p.ProposerId == me || administered.Contains(p.OrganizationId)))
            .OrderBy(p => p.CreatedAt).Select(p => new Listed(p.Id, p.Title, p.Status)).ToListAsync(cancellationToken);
        if (Call.Status != CallStatus.Reviewing || !await db.CallReviewers.AnyAsync(r => r.CallId == id && r.AccountId == me, cancellationToken)) return;
        ToReview = await db.CollaborationProposals.AsNoTracking()
            .Where(p => p.CallId == id && p.Status != ProposalStatus.Draft)
            .OrderBy(p => p.Title).Select(p => new Listed(p.Id, p.Title, p.Status)).ToListAsync(cancellationToken);
    }
}
