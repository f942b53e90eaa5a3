using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;

namespace Tsunagari.Features.Regions;

/// <summary>The deployment's prefecture: its municipalities by regional grouping.</summary>
public sealed class IndexModel(Japan japan, ListGroupings listGroupings, IAuthorizationService authorization, IOptions<TsunagariOptions> options) : PageModel
{
    public Prefecture Prefecture { get; private set; } = null!;

    /// <summary>One section per grouping in display order, then (Grouping null) the municipalities of none.</summary>
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public IReadOnlyList<(MunicipalityKind Kind, int Count)> Counts { get; private set; } = [];

    public int GroupingCount { get; private set; }

    public bool CanEditGroupings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        var groupings = await listGroupings.RunAsync(Prefecture.Code, cancellationToken);
        var byCode = Prefecture.Municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var byGrouping = ListGroupings.ByMunicipality(groupings);

        var sections = groupings
            .Select(g => new Section(g, [.. g.MunicipalityCodes
                .Where(c => byCode.ContainsKey(c) && byGrouping[c] == g)
                .Select(c => byCode[c])]))
            .ToList();
        var others = Prefecture.Municipalities.Where(m => !byGrouping.ContainsKey(m.Code)).ToList();
        if (others.Count > 0) sections.Add(new Section(null, others));
        Sections = sections;
        GroupingCount = groupings.Count;
        CanEditGroupings = (await authorization.AuthorizeAsync(User, Policies.PrefectureAdmin)).Succeeded
            && (await authorization.AuthorizeAsync(User, Prefecture, RegionOperations.EditGroupings)).Succeeded;
        Counts = [.. Prefecture.Municipalities.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
        return Page();
    }

    public sealed record Section(GroupingSummary? Grouping, IReadOnlyList<Municipality> Municipalities);
}
