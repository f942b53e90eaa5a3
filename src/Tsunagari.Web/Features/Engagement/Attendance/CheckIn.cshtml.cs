using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>A person enters the attendance code shown at the venue (the QR code opens this page with it filled in).</summary>
[Authorize]
public sealed class CheckInModel(CheckInWithCode checkIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Message { get; private set; }
    public Guid? OpportunityId { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var result = await checkIn.RunAsync(accountId, Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), result.Message);
            if (result.Status == StatusCodes.Status429TooManyRequests) Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Message = result.Message;
        OpportunityId = result.OpportunityId;
        Code = null;
        return Page();
    }
}
