using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The public page of the trial-collaboration scheme's outcomes: each adopted proposal with the decision's reasons and
/// conditions, and its pilot's results and the decision that followed. Organizations are named; people never are.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public sealed record Adopted(Guid Id, string Title, string? Organization, string Call, ProposalStatus Status, string Reason, string Conditions, DateTimeOffset? DecidedAt);

    public IReadOnlyList<Adopted> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ReadPilotResults.PilotResult> Pilots { get; private set; } = new Dictionary<Guid, ReadPilotResults.PilotResult>();
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        // Any page number is answered: below 1 is the first page, past the last an empty one with a way back.
        CurrentPage = Math.Clamp(page ?? 1, 1, 10_000);
        var adopted = db.CollaborationProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Adopted || p.Status == ProposalStatus.AdoptedWithConditions);
        var total = await adopted.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        Rows = await adopted.OrderByDescending(p => p.DecidedAt).ThenBy(p => p.Id)
            .Skip((CurrentPage - 1) * PageSize).Take(PageSize)
            .Join(db.CollaborationCalls, p => p.CallId, c => c.Id, (p, c) => new { p, Call = c.Title })
            .GroupJoin(db.Organizations, x => x.p.OrganizationId, o => o.Id, (x, os) => new { x.p, x.Call, os })
            .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new Adopted(x.p.Id, x.p.Title, o == null ? null : o.Name, x.Call, x.p.Status, x.p.DecisionReason, x.p.Conditions, x.p.DecidedAt))
            .ToListAsync(cancellationToken);
        Pilots = await ReadPilotResults.ForProposalsAsync(db, Rows.Select(r => r.Id).ToList(), cancellationToken);
    }
}
