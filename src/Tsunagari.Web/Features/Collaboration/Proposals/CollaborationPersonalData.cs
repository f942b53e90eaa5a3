using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// The proposals a person wrote to the trial-collaboration scheme, the calls they were asked to review and the reviews
/// they gave: exported in full. On erasure a draft they wrote alone (for no organization) goes with its attachments;
/// other proposals are the organization's or the public record of a decision and stay without them (the model sets their
/// proposer to null when the account goes); their reviews and reviewer places go with the account (cascade), and the
/// decisions they recorded as staff stay without their id.
/// </summary>
public sealed class CollaborationPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "collaboration";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var proposals = await (from p in db.CollaborationProposals.AsNoTracking()
                               where p.ProposerId == accountId
                               join c in db.CollaborationCalls on p.CallId equals c.Id
                               orderby p.CreatedAt
                               select new
                               {
                                   Call = c.Title,
                                   p.Title,
                                   p.OrganizationId,
                                   p.CoProposers,
                                   p.Goal,
                                   p.Plan,
                                   p.Roles,
                                   p.Budget,
                                   p.StartsOn,
                                   p.EndsOn,
                                   p.Place,
                                   p.MunicipalityCode,
                                   Status = p.Status.ToString(),
                                   p.SubmittedAt,
                                   p.DecisionReason,
                                   p.Conditions,
                                   p.DecidedAt,
                                   p.CreatedAt,
                                   Attachments = db.ProposalAttachments.Where(a => a.ProposalId == p.Id).OrderBy(a => a.AddedAt).Select(a => a.FileName).ToList(),
                               }).ToListAsync(cancellationToken);
        var reviewerOf = await (from r in db.CallReviewers.AsNoTracking()
                                where r.AccountId == accountId
                                join c in db.CollaborationCalls on r.CallId equals c.Id
                                orderby r.AddedAt
                                select new { Call = c.Title, r.AddedAt }).ToListAsync(cancellationToken);
        var reviews = await (from r in db.ProposalReviews.AsNoTracking()
                             where r.ReviewerId == accountId
                             join p in db.CollaborationProposals on r.ProposalId equals p.Id
                             orderby r.DeclaredAt
                             select new { Proposal = p.Title, r.Conflicted, r.ConflictNote, r.Scores, r.Comment, r.DeclaredAt, r.ScoredAt }).ToListAsync(cancellationToken);
        if (proposals.Count == 0 && reviewerOf.Count == 0 && reviews.Count == 0) return null;
        return new { Proposals = proposals, ReviewerOf = reviewerOf, Reviews = reviews };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Attachments and their files cascade from the proposal.
        await db.CollaborationProposals.Where(p => p.ProposerId == accountId && p.OrganizationId == null && p.Status == ProposalStatus.Draft)
            .ExecuteDeleteAsync(cancellationToken);
        await db.CollaborationProposals.Where(p => p.DecidedBy == accountId).ExecuteUpdateAsync(u => u.SetProperty(p => p.DecidedBy, (Guid?)null), cancellationToken);
    }
}
