using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Platform.Errors;

namespace Tsunagari.Features;

/// <summary>The localized page for every error status; re-executed for exceptions and empty error responses.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";

    /// <summary>Seconds to wait, when the response says (429, 503).</summary>
    public string? RetryAfter { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed errors arrive with their status set; someone opening /error or /error/123 has found no page, not a failure.
        Status = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 ? Response.StatusCode : 404;
        Response.StatusCode = Status;
        (Title, Detail) = ErrorText.For(Status);
        RetryAfter = Response.Headers.RetryAfter.FirstOrDefault();
    }
}
