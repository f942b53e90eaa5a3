using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration.Proposals;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>
/// Staff's view of a call's review: every submitted proposal with each reviewer's total, the mean, the conflicts of
/// interest declared and the comments, and the decision on each (adopt, adopt with conditions, not adopt — with reasons,
/// which are published). The proposer is notified of the decision. It names proposers and reviewers: audited.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CallReviewModel(AppDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record ReviewRow(string Reviewer, bool Conflicted, string ConflictNote, int? Total, string Comment);

    public sealed record Item(Guid Id, string Title, string Proposer, string? Organization, long Budget, ProposalStatus Status,
        string Reason, string Conditions, IReadOnlyList<ReviewRow> Reviews)
    {
        /// <summary>The mean of the scored reviews' totals; null until someone scored.</summary>
        public double? Mean
        {
            get
            {
                var totals = Reviews.Where(r => r.Total is not null).Select(r => (double)r.Total!.Value).ToList();
                return totals.Count == 0 ? null : totals.Average();
            }
        }
    }

    public sealed class DecisionInput
    {
        public Guid ProposalId { get; set; }
        public string? Outcome { get; set; }
        public string? Reason { get; set; }
        public string? Conditions { get; set; }
    }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public CollaborationCall Call { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public static readonly ProposalStatus[] Outcomes = [ProposalStatus.Adopted, ProposalStatus.AdoptedWithConditions, ProposalStatus.NotAdopted];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null) return NotFound();
        Call = call;
        await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"collaboration call review {id}", cancellationToken);
        Message = TempData[CallModel.MessageKey] as string;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null) return NotFound();
        Call = call;
        var proposal = await db.CollaborationProposals.SingleOrDefaultAsync(p => p.Id == Decision.ProposalId && p.CallId == id, cancellationToken);
        if (proposal is null) return NotFound();
        var reason = Decision.Reason?.Trim() ?? "";
        var conditions = Decision.Conditions?.Trim() ?? "";
        ProposalStatus outcome = default;
        if (call.Status != CallStatus.Reviewing) ModelState.AddModelError("", l["決定できるのは審査中の募集の提案だけです。"]);
        else if (proposal.Status != ProposalStatus.Submitted) ModelState.AddModelError("", l["「{0}」はすでに決定しているか、まだ提出されていません。", proposal.Title]);
        else
        {
            if (!EnumNames.TryParse(Decision.Outcome, out outcome) || !Outcomes.Contains(outcome))
                ModelState.AddModelError("Decision.Outcome", l["「{0}」の結果を選んでください。", proposal.Title]);
            if (reason.Length == 0) ModelState.AddModelError("Decision.Reason", l["「{0}」の決定の理由を入力してください。理由は公開されます。", proposal.Title]);
            else if (reason.Length > CollaborationProposal.MaxReasonLength)
                ModelState.AddModelError("Decision.Reason", l["{0}は{1}文字以内で入力してください。", l["理由"], CollaborationProposal.MaxReasonLength]);
            if (outcome == ProposalStatus.AdoptedWithConditions && conditions.Length == 0)
                ModelState.AddModelError("Decision.Conditions", l["条件付き採択には、その条件を入力してください。"]);
            else if (outcome != ProposalStatus.AdoptedWithConditions && conditions.Length > 0 && Outcomes.Contains(outcome))
                ModelState.AddModelError("Decision.Conditions", l["条件は条件付き採択のときだけ入力してください。"]);
            else if (conditions.Length > CollaborationProposal.MaxReasonLength)
                ModelState.AddModelError("Decision.Conditions", l["{0}は{1}文字以内で入力してください。", l["条件"], CollaborationProposal.MaxReasonLength]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var now = clock.GetUtcNow();
        proposal.Decide(outcome, reason, conditions, CollaborationAccess.AccountId(User), now);
        db.Notifications.AddRange(await ProposalNotices.DecisionAsync(db, proposal, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        TempData[CallModel.MessageKey] = "決定を記録し、提案者に知らせました。";
        return Redirect($"/collaboration/calls/{id}/review");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Call.Id;
        var proposals = await db.CollaborationProposals.AsNoTracking()
            .Where(p => p.CallId == id && p.Status != ProposalStatus.Draft)
            .OrderBy(p => p.SubmittedAt)
            .GroupJoin(db.Users, p => p.ProposerId, u => u.Id, (p, us) => new { p, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.p, Proposer = u == null ? "" : u.DisplayName })
            .GroupJoin(db.Organizations, x => x.p.OrganizationId, o => o.Id, (x, os) => new { x.p, x.Proposer, os })
            .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new { x.p.Id, x.p.Title, x.Proposer, Organization = o == null ? null : o.Name, x.p.Budget, x.p.Status, x.p.DecisionReason, x.p.Conditions })
            .ToListAsync(cancellationToken);
        var ids = proposals.Select(p => p.Id).ToList();
        var reviews = await (from r in db.ProposalReviews.AsNoTracking()
                             where ids.Contains(r.ProposalId)
                             join u in db.Users on r.ReviewerId equals u.Id
                             orderby u.DisplayName
                             select new { r.ProposalId, u.DisplayName, r.Conflicted, r.ConflictNote, r.Scores, r.ScoredAt, r.Comment }).ToListAsync(cancellationToken);
        Items = proposals.Select(p => new Item(p.Id, p.Title, p.Proposer, p.Organization, p.Budget, p.Status, p.DecisionReason, p.Conditions,
            reviews.Where(r => r.ProposalId == p.Id)
                .Select(r => new ReviewRow(r.DisplayName, r.Conflicted, r.ConflictNote, r.ScoredAt is null ? null : r.Scores.Sum(), r.Comment)).ToList())).ToList();
    }
}
