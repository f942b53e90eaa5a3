using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.ProBono;

namespace Tsunagari.Features.Insights.Network;

/// <summary>
/// Rebuilds the <see cref="NetworkTie"/> table from the records: shared participants from the journeys (streamed in
/// order of person, so 4.7 million journeys need only one person's rows in memory besides the pair counts), joint
/// opportunities, adopted collaboration proposals, pro bono projects and grants. Residents are only ever counted.
/// </summary>
public sealed class RefreshNetworkTies(AppDbContext db, TimeProvider clock)
{
    private readonly Dictionary<(Guid, Guid, NetworkTieKind), int> weights = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        weights.Clear();
        await SharedParticipantsAsync(cancellationToken);
        await JointOpportunitiesAsync(cancellationToken);
        await CollaborationAsync(cancellationToken);
        await ProBonoAsync(cancellationToken);
        await GrantsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Nodes refresh at the same time: on PostgreSQL the second waits here until the first commits, so that its
        // delete sees (and removes) the first one's rows instead of inserting beside them. SQLite already lets one
        // writer in at a time.
        if (db.Database.ProviderName != AppDbContext.SqliteProvider)
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"NetworkTies\" IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        await db.NetworkTies.ExecuteDeleteAsync(cancellationToken);
        db.NetworkTies.AddRange(weights.Select(w => new NetworkTie(w.Key.Item1, w.Key.Item2, w.Key.Item3, w.Value, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return weights.Count;
    }

    /// <summary>A person links two organizations when their activity with one overlaps in time their activity with the other.</summary>
    private async Task SharedParticipantsAsync(CancellationToken cancellationToken)
    {
        var person = new List<(Guid Organization, DateTimeOffset First, DateTimeOffset Last)>();
        Guid? current = null;
        var rows = db.Journeys.AsNoTracking().OrderBy(j => j.AccountId)
            .Select(j => new { j.AccountId, j.OrganizationId, j.FirstActivityAt, j.LastActivityAt }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.AccountId != current)
            {
                CountOverlaps(person);
                person.Clear();
                current = row.AccountId;
            }
            person.Add((row.OrganizationId, row.FirstActivityAt, row.LastActivityAt));
        }
        CountOverlaps(person);
    }

    private void CountOverlaps(List<(Guid Organization, DateTimeOffset First, DateTimeOffset Last)> journeys)
    {
        for (var i = 0; i < journeys.Count; i++)
            for (var j = i + 1; j < journeys.Count; j++)
                if (journeys[i].First <= journeys[j].Last && journeys[j].First <= journeys[i].Last)
                    Add(journeys[i].Organization, journeys[j].Organization, NetworkTieKind.SharedParticipants);
    }

    /// <summary>An opportunity co-organised by a member of another organization joins the two, once per opportunity.</summary>
    private async Task JointOpportunitiesAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from c in db.CoOrganizers
                           join m in db.Memberships on c.AccountId equals m.AccountId
                           where m.OrganizationId != c.OrganizationId
                           select new { c.OpportunityId, c.OrganizationId, Other = m.OrganizationId }).Distinct().ToListAsync(cancellationToken);
        foreach (var p in pairs) Add(p.OrganizationId, p.Other, NetworkTieKind.JointOpportunities);
    }

    /// <summary>Every two organizations that proposed an adopted proposal together.</summary>
    private async Task CollaborationAsync(CancellationToken cancellationToken)
    {
        var proposals = await db.CollaborationProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Adopted || p.Status == ProposalStatus.AdoptedWithConditions)
            .Select(p => new { p.OrganizationId, p.CoProposers }).ToListAsync(cancellationToken);
        foreach (var p in proposals)
        {
            var partners = (p.OrganizationId is { } own ? p.CoProposers.Prepend(own) : p.CoProposers).Distinct().ToList();
            for (var i = 0; i < partners.Count; i++)
                for (var j = i + 1; j < partners.Count; j++) Add(partners[i], partners[j], NetworkTieKind.Collaboration);
        }
    }

    /// <summary>A project joins the supported organization to each organization one of its accepted professionals belongs to.</summary>
    private async Task ProBonoAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from p in db.ProBonoProjects
                           join a in db.RoundAssignments on new { p.ChallengeId, p.RoundId } equals new { a.ChallengeId, a.RoundId }
                           join m in db.Memberships on a.AccountId equals m.AccountId
                           where a.Response == AssignmentResponse.Accepted && m.OrganizationId != p.OrganizationId
                           select new { p.Id, p.OrganizationId, Other = m.OrganizationId }).Distinct().ToListAsync(cancellationToken);
        foreach (var p in pairs) Add(p.OrganizationId, p.Other, NetworkTieKind.ProBono);
    }

    /// <summary>A grant joins the fund's holder and the organization awarded.</summary>
    private async Task GrantsAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from a in db.GrantAwards
                           join f in db.Funds on a.FundId equals f.Id
                           where f.HolderOrganizationId != a.OrganizationId
                           select new { Holder = f.HolderOrganizationId, a.OrganizationId }).ToListAsync(cancellationToken);
        foreach (var p in pairs) Add(p.Holder, p.OrganizationId, NetworkTieKind.Grants);
    }

    private void Add(Guid a, Guid b, NetworkTieKind kind)
    {
        if (a == b) return;
        var key = a.CompareTo(b) < 0 ? (a, b, kind) : (b, a, kind);
        weights[key] = weights.GetValueOrDefault(key) + 1;
    }
}
