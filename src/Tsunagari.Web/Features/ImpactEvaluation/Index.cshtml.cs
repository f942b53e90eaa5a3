using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// The evaluations a person may see: the logic models of the organizations they belong to (every one for coordinators
/// and the prefecture's admins), and the way to make one for those who administer an organization.
/// </summary>
[Authorize]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const string MessageKey = "ImpactListMessage";

    public sealed record Row(Guid Id, string Title, string Organization, LogicModelSubject Subject, DateOnly PeriodStart, DateOnly PeriodEnd);

    public IReadOnlyList<Row> Models { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool IsStaff { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        var accountId = ImpactAccess.AccountId(User);
        IsStaff = ImpactAccess.IsStaff(User);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.AccountId == accountId).Select(m => new { m.OrganizationId, m.Role }).ToListAsync(cancellationToken);
        CanCreate = memberships.Any(m => m.Role == MembershipRole.Admin);
        var mine = memberships.Select(m => m.OrganizationId).ToList();
        var models = IsStaff ? db.LogicModels.AsNoTracking() : db.LogicModels.AsNoTracking().Where(m => mine.Contains(m.OrganizationId));
        var rows = await (from m in models
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          select new Row(m.Id, m.Title, o.Name, m.Subject, m.PeriodStart, m.PeriodEnd)).ToListAsync(cancellationToken);
        Models = rows.OrderBy(r => r.Organization, StringComparer.Ordinal).ThenByDescending(r => r.PeriodStart).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
    }
}
