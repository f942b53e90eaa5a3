using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>The public registry: active initiatives, filtered by type, stage, municipality, owner and the framework's tags, 20 a page.</summary>
[AllowAnonymous]
public sealed class InitiativesModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true, Name = "challenge")] public string? ChallengeTag { get; set; }
    [BindProperty(SupportsGet = true, Name = "pathway")] public string? PathwayTag { get; set; }

    public InitiativeFilter Filter { get; private set; } = new();
    public IReadOnlyList<Initiative> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public bool CanRegister { get; private set; }

    // "page" is a route value of Razor Pages (the page's path), so the query's page is named explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
        CanRegister = User.Identity?.IsAuthenticated == true
            && (CollaborationAccess.IsGovernmentStaff(User) || (await InitiativeAccess.AdministeredAsync(db, User, cancellationToken)).Count > 0);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = InitiativeFilter.Parse(Type, Stage, Municipality, null, Owner, ChallengeTag, PathwayTag, l, errors);
        if (filter is null)
        {
            foreach (var (key, messages) in errors) ModelState.AddModelError(key, messages[0]);
            return;
        }
        Filter = filter;
        // Any page number is answered: below 1 is the first page, past the last an empty one with a way back.
        CurrentPage = Math.Clamp(page ?? 1, 1, 10_000);
        var (rows, total) = await InitiativeList.PageAsync(db, filter, CurrentPage, InitiativeList.PageSize, cancellationToken);
        Rows = rows;
        Total = total;
        PageCount = Math.Max(1, (total + InitiativeList.PageSize - 1) / InitiativeList.PageSize);
        OrganizationNames = await InitiativeList.OrganizationNamesAsync(db, rows, cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = Filter.ToQueryString();
        return $"/collaboration/initiatives?{(query.Length > 0 ? query + "&" : "")}page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
