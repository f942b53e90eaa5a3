using Microsoft.AspNetCore.Mvc;

namespace Tsunagari.Features.Directory;

/// <summary>
/// A municipality's organizations and upcoming opportunities, shown on its page. A view component, so that Regions
/// (which the directory builds on) does not depend on Organizations and Opportunities.
/// </summary>
public sealed class MunicipalityDirectoryViewComponent(DirectoryListing listing) : ViewComponent
{
    public sealed record Model(string Code, IReadOnlyList<DirectoryListing.OrganizationCard> Organizations, IReadOnlyList<DirectoryListing.OpportunityCard> Opportunities);

    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var model = new Model(code,
            await listing.OrganizationsServingAsync(code, 12, cancellationToken),
            await listing.UpcomingAsync(code, 6, cancellationToken));
        return View("~/Features/Directory/_MunicipalityDirectory.cshtml", model);
    }
}
