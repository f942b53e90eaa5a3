using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Guide;

/// <summary>
/// The NPO法人 incorporation guide: steps, documents, the competent authority for the group's municipality and the
/// intermediate support organizations nearby that can help. Public; any municipality of Japan can be asked about.
/// </summary>
public sealed class NpoIncorporationModel(Japan japan, IOptions<TsunagariOptions> options, ListMentors listMentors) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public string? MunicipalityCode { get; set; }

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public Municipality? Municipality { get; private set; }
    public CompetentAuthority? Authority { get; private set; }
    public IReadOnlyList<ListMentors.Mentor> Mentors { get; private set; } = [];
    public bool UnknownMunicipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        Municipalities = prefecture.Municipalities.SelectMany(m => m.Wards.Count > 0 ? [m, .. m.Wards] : new[] { m }).ToList();
        var code = MunicipalityCode?.Trim();
        if (string.IsNullOrEmpty(code)) return Page();
        Municipality = japan.Municipality(code);
        if (Municipality is null)
        {
            UnknownMunicipality = true;
            return Page();
        }
        Authority = CompetentAuthority.For(japan, code);
        Mentors = await listMentors.RunAsync(code, cancellationToken);
        return Page();
    }
}
