using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// The home page's "For you" section: up to six recommendations with their reasons, for signed-in people only. A view
/// component, so that the home page (the directory's) needs one line and no dependency on Engagement.
/// </summary>
public sealed class ForYouViewComponent(Recommend recommend) : ViewComponent
{
    public const int Count = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
            return Content("");
        var result = await recommend.RunAsync(accountId, Count, HttpContext.RequestAborted);
        return View("~/Features/Engagement/Recommendations/_ForYou.cshtml", result);
    }
}
