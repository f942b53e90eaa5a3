using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>The public page of an opportunity; drafts only for the organization's admins, who also change its status here.</summary>
public sealed class DetailsModel(
    AppDbContext db,
    Japan japan,
    ListWays listWays,
    ChangeOpportunityStatus changeStatus,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const string MessageKey = "OpportunityMessage";
    public const int NextOccurrences = 5;

    public OpportunityView View { get; private set; } = null!;
    public Opportunity Opportunity => View.Opportunity;
    public Municipality? Municipality { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>The occurrences one can sign up for (the sign-up section's too); the page lists the first <see cref="NextOccurrences"/>.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Upcoming { get; private set; } = [];
    public string JsonLd { get; private set; } = "";
    public string? Message { get; private set; }

    [BindProperty]
    public string? CancellationReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, tracked: false, cancellationToken);
        if (found is not null) return found;
        if (TempData[MessageKey] is string message) Message = l[message];
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, o => changeStatus.PublishAsync(o, cancellationToken), "公開しました。", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, o => changeStatus.CloseAsync(o, cancellationToken), "受付を終了しました。", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, o => changeStatus.CancelAsync(o, CancellationReason, cancellationToken), "中止にしました。", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Opportunity, Task<string?>> change, string done, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, tracked: true, cancellationToken);
        if (found is not null) return found;
        if (!CanManage) return Forbid();
        var error = await change(Opportunity);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(CancellationReason), error);
            return Page();
        }
        TempData[MessageKey] = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Opportunities : db.Opportunities.AsNoTracking();
        var opportunity = await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return NotFound();
        var organization = await OpportunityAccess.OrganizationAsync(db, opportunity.OrganizationId, cancellationToken);
        if (organization is null) return NotFound();
        CanManage = await OpportunityAccess.CanManageAsync(authorization, User, organization);
        // A draft does not exist for anyone but its organization's admins.
        if (!opportunity.IsPublic && !CanManage) return NotFound();
        View = OpportunityView.Of(opportunity, organization, await listWays.RunAsync(cancellationToken));
        Municipality = japan.Municipality(opportunity.MunicipalityCode);
        var now = clock.GetUtcNow();
        Upcoming = Engagement.SignUps.SignUpFormView.Upcoming(opportunity, now);
        var baseUrl = new Uri($"{Request.Scheme}://{Request.Host}");
        JsonLd = EventJsonLd.For(View, new Uri(baseUrl, $"/opportunities/{id}"), new Uri(baseUrl, $"/organizations/{organization.Id}"), japan);
        return null;
    }
}
