using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>A certificate of activity, laid out for printing; only its holder and the issuing organization's admins see it.</summary>
[Authorize]
public sealed class CertificateModel(AppDbContext db, IAuthorizationService authorization, ReadRecord read) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public string OrganizationAddress { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public IReadOnlyList<ActivityRecord.Activity> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null) return NotFound();
        var organization = await OpportunityAccess.OrganizationAsync(db, certificate.OrganizationId, cancellationToken);
        var holder = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId) && accountId == certificate.AccountId;
        // Whether a certificate exists says something about a person: anyone else is told there is none.
        if (!holder && !await OpportunityAccess.CanManageAsync(authorization, User, organization)) return NotFound();
        Certificate = certificate;
        OrganizationName = organization!.Name;
        IssuerName = await db.Users.AsNoTracking().Where(u => u.Id == certificate.IssuedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        Activities = await read.ActivitiesAsync(certificate.AccountId, certificate.OrganizationId, certificate.From, certificate.To, cancellationToken);
        return Page();
    }
}
