using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Search;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>A person reports hours for activities outside the platform and follows what the organizations decided.</summary>
[Authorize]
public sealed class MyHoursModel(AppDbContext db, ReportHours report, SearchIndex index) : PageModel
{
    private const string MessageKey = "HoursMessage";

    public sealed record Row(Guid Id, string Organization, DateOnly Date, decimal Hours, string Description, HoursReportStatus Status, string Note);
    public sealed record OrganizationOption(Guid Id, string Name);

    [BindProperty]
    public HoursReportInput Input { get; set; } = new();

    /// <summary>Organization name searched for; a prefecture has too many organizations for one list.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? OrganizationQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "organizationId")]
    public Guid? ChosenId { get; set; }

    public OrganizationOption? Organization { get; private set; }
    public IReadOnlyList<OrganizationOption> Found { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        await LoadAsync(ChosenId, cancellationToken);
        if (Organization is null && !string.IsNullOrWhiteSpace(OrganizationQuery))
        {
            var result = await index.SearchAsync(new SearchQuery { Type = SearchFields.OrganizationType, Text = OrganizationQuery.Trim(), PageSize = 20, CountFacets = false }, cancellationToken);
            Found = [.. result.Items.Select(h => new OrganizationOption(h.Id, h.Organization))];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Values that are not numbers or dates failed binding; the use case says what is wrong with the rest.
        var bindingFailed = !ModelState.IsValid;
        if (!bindingFailed)
        {
            var outcome = await report.RunAsync(AccountId, Input, cancellationToken);
            if (outcome.Succeeded)
            {
                TempData[MessageKey] = "報告しました。団体が確認すると、活動記録に加わります。";
                return RedirectToPage();
            }
            foreach (var (key, messages) in outcome.Errors)
                foreach (var message in messages) ModelState.AddModelError($"{nameof(Input)}.{key}", message);
        }
        await LoadAsync(Input.OrganizationId, cancellationToken);
        return Page();
    }

    private Guid AccountId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task LoadAsync(Guid? organizationId, CancellationToken cancellationToken)
    {
        if (organizationId is { } id)
            Organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationOption(o.Id, o.Name)).SingleOrDefaultAsync(cancellationToken);
        var accountId = AccountId;
        Rows = await (from r in db.HoursReports.AsNoTracking()
                      where r.AccountId == accountId
                      join o in db.Organizations on r.OrganizationId equals o.Id
                      orderby r.Date descending, r.CreatedAt descending
                      select new Row(r.Id, o.Name, r.Date, r.Hours, r.Description, r.Status, r.DecisionNote))
                     .Take(200).ToListAsync(cancellationToken);
    }
}
