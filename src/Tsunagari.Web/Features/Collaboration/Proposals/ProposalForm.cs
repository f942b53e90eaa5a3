using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>What the shared proposal fields partial needs from the propose and proposal pages.</summary>
public sealed record ProposalForm(ProposalInput Input, CollaborationCall Call, IReadOnlyList<ProposalForm.OrganizationOption> Organizations,
    IReadOnlyList<Municipality> Municipalities, ModelStateDictionary State)
{
    public sealed record OrganizationOption(Guid Id, string Name);

    /// <summary>The organizations the person may propose for: those they are an admin of.</summary>
    public static async Task<IReadOnlyList<OrganizationOption>> AdministeredAsync(AppDbContext db, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (from m in db.Memberships.AsNoTracking()
                      where m.AccountId == accountId && m.Role == MembershipRole.Admin
                      join o in db.Organizations on m.OrganizationId equals o.Id
                      orderby o.Name
                      select new OrganizationOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }
}
