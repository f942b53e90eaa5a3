using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Hours people reported for the organization, for its admins to approve or reject.</summary>
[Authorize]
public sealed class OrganizationHoursModel(AppDbContext db, IAuthorizationService authorization, DecideHours decide) : PageModel
{
    private const string MessageKey = "OrganizationHoursMessage";

    public sealed record Row(Guid Id, Guid AccountId, string Name, DateOnly Date, decimal Hours, string Description, List<int> Fields,
        HoursReportStatus Status, string Note, DateTimeOffset CreatedAt);

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Decided { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public Guid ReportId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        var organization = await OpportunityAccess.OrganizationAsync(db, id, cancellationToken);
        if (organization is null) return NotFound();
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        var outcome = await decide.RunAsync(User, ReportId, id, approve, Note, cancellationToken);
        if (outcome.Status == StatusCodes.Status404NotFound) return NotFound();
        if (outcome.Status != StatusCodes.Status200OK)
        {
            ModelState.AddModelError(nameof(Note), outcome.Message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData[MessageKey] = outcome.Message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await OpportunityAccess.OrganizationAsync(db, id, cancellationToken);
        if (organization is null) return NotFound();
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        Pending = await RowsAsync(id, pending: true, 200, cancellationToken);
        Decided = await RowsAsync(id, pending: false, 50, cancellationToken);
        return null;
    }

    private Task<List<Row>> RowsAsync(Guid organizationId, bool pending, int count, CancellationToken cancellationToken)
    {
        var reports = db.HoursReports.AsNoTracking().Where(r => r.OrganizationId == organizationId);
        reports = pending
            ? reports.Where(r => r.Status == HoursReportStatus.Pending).OrderBy(r => r.CreatedAt)
            : reports.Where(r => r.Status != HoursReportStatus.Pending).OrderByDescending(r => r.CreatedAt);
        return (from r in reports.Take(count)
                join a in db.Users on r.AccountId equals a.Id
                select new Row(r.Id, r.AccountId, a.DisplayName, r.Date, r.Hours, r.Description, r.Fields, r.Status, r.DecisionNote, r.CreatedAt))
               .ToListAsync(cancellationToken);
    }
}
