using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Insights.Map;

/// <summary>The schema and licence of the dashboards' figures as open data, with the links to download them (public).</summary>
[AllowAnonymous]
public sealed class OpenDataModel(IOptions<FiguresLicence> licence) : PageModel
{
    public FiguresLicence Licence => licence.Value;

    public void OnGet()
    {
    }
}
