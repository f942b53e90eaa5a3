using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Directory;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features;

/// <summary>The home page: what the platform is, what is coming up, and the ways to take part.</summary>
public sealed class IndexModel(DirectoryListing listing, Japan japan, IOptions<TsunagariOptions> options) : PageModel
{
    public IReadOnlyList<DirectoryListing.OpportunityCard> Upcoming { get; private set; } = [];
    public IReadOnlyList<WayToTakePart> Ways { get; private set; } = [];
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Upcoming = await listing.UpcomingAsync(null, 6, cancellationToken);
        Ways = await listing.WaysAsync(cancellationToken);
        Municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
    }
}
