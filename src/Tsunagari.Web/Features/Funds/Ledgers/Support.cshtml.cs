using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>The public summary of a fiscal year's community support and the flow of money (public, totals only).</summary>
public sealed class SupportModel(CommunitySupport support, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public FiscalYear CurrentYear { get; private set; }
    public SupportSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentYear = FiscalYear.Of(Platform.JapanTime.Date(clock.GetUtcNow()));
        var year = Year is >= FiscalYear.First and <= FiscalYear.Last ? new FiscalYear(Year.Value) : CurrentYear;
        Summary = await support.ForAsync(year, cancellationToken);
    }
}
