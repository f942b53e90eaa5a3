using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Network;

/// <summary>
/// The platform's own network of organizations (staff only): ties of the chosen kinds among organizations of a
/// municipality and kind, drawn as a graph (the first <see cref="MaxDrawn"/> by degree) beside the tables that say the
/// same, with the bridge organizations, the communities, and the nodes and ties as CSV or JSON.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(BuildNetworkPicture build, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxDrawn = 300;
    public const int BridgeCount = 10;
    public const int MaxMinimumWeight = 1_000_000;

    public static readonly NetworkTieKind[] AllKinds = Enum.GetValues<NetworkTieKind>();

    [BindProperty(SupportsGet = true)] public List<string> Kind { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinWeight { get; set; }

    public NetworkFilter Filter { get; private set; } = new(AllKinds, null, null, 1);
    public NetworkPicture? Picture { get; private set; }
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
        if (Parse() is not { } filter) return Page();
        Filter = filter;
        Picture = await build.RunAsync(filter, cancellationToken);
        return Download(Picture) ?? Page();
    }

    public static string KindText(NetworkTieKind kind) => kind switch
    {
        NetworkTieKind.SharedParticipants => "共通の参加者",
        NetworkTieKind.JointOpportunities => "共同企画",
        NetworkTieKind.Collaboration => "協働",
        NetworkTieKind.ProBono => "プロボノ",
        NetworkTieKind.Grants => "助成",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The organizations drawn: the <see cref="MaxDrawn"/> of highest degree and the ties among them, as JSON for network.js.</summary>
    public string GraphJson()
    {
        var picture = Picture!;
        var drawn = picture.Organizations.OrderByDescending(o => o.Degree).ThenByDescending(o => o.Betweenness).Take(MaxDrawn).ToList();
        var ids = drawn.Select(o => o.Id).ToHashSet();
        return JsonSerializer.Serialize(new
        {
            nodes = drawn.Select(o => new
            {
                id = o.Id.ToString(),
                name = o.Name,
                sector = l[OrganizationKindText.For(o.Sector)].Value,
                community = o.Community,
                degree = o.Degree,
                url = $"/organizations/{o.Id}",
            }),
            links = picture.Links.Where(k => ids.Contains(k.Source) && ids.Contains(k.Target))
                .Select(k => new { source = k.Source.ToString(), target = k.Target.ToString(), weight = k.Weight }),
            communityLabel = l["コミュニティ"].Value,
        });
    }

    public string DownloadLink(string table, string format) => ChartDownload.Link(Request, table, format);

    private NetworkFilter? Parse()
    {
        var kinds = new List<NetworkTieKind>();
        foreach (var k in Kind)
        {
            if (Enum.TryParse<NetworkTieKind>(k, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, CultureInfo.InvariantCulture, out _))
                kinds.Add(kind);
            else ModelState.AddModelError(nameof(Kind), l["つながりの種類「{0}」はありません。", k]);
        }
        if (Kind.Count == 0) kinds.AddRange(AllKinds);
        string? municipality = null;
        if (!string.IsNullOrWhiteSpace(Municipality))
        {
            municipality = Municipality.Trim();
            if (!Municipalities.Any(m => m.Code == municipality))
                ModelState.AddModelError(nameof(Municipality), l["市区町村コード「{0}」はこの県にありません。", municipality]);
        }
        OrganizationKind? sector = null;
        if (!string.IsNullOrWhiteSpace(Sector))
        {
            if (Enum.TryParse<OrganizationKind>(Sector, ignoreCase: false, out var s) && Enum.IsDefined(s) && !int.TryParse(Sector, CultureInfo.InvariantCulture, out _))
                sector = s;
            else ModelState.AddModelError(nameof(Sector), l["セクター「{0}」はありません。", Sector]);
        }
        var minimum = 1;
        if (!string.IsNullOrWhiteSpace(MinWeight)
            && (!int.TryParse(MinWeight, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1 || minimum > MaxMinimumWeight))
            ModelState.AddModelError(nameof(MinWeight), l["最小の重みは1から{0}までの整数で指定してください。", MaxMinimumWeight]);
        return ModelState.IsValid ? new([.. kinds.Distinct().Order()], municipality, sector, minimum) : null;
    }

    /// <summary>The nodes or the ties as CSV or JSON when the address asks for them (<c>chart=nodes|edges&amp;format=csv|json</c>).</summary>
    private IActionResult? Download(NetworkPicture picture)
    {
        var table = Request.Query["chart"].ToString();
        if (table.Length == 0) return null;
        var names = picture.Organizations.ToDictionary(o => o.Id, o => o.Name);
        (string[] Header, List<object?[]> Rows)? data = table switch
        {
            "nodes" => (["id", "name", "sector", "degree", "weightedDegree", "betweenness", "closeness", "clustering", "community", "component"],
                [.. picture.Organizations.Select(o => new object?[] { o.Id, o.Name, o.Sector.ToString(), o.Degree, o.WeightedDegree, o.Betweenness, o.Closeness,
                    o.Clustering, o.Community, o.Component })]),
            "edges" => (["source", "sourceName", "target", "targetName", "weight", "kinds"],
                [.. picture.Links.Select(k => new object?[] { k.Source, names[k.Source], k.Target, names[k.Target], k.Weight, string.Join(' ', k.Kinds) })]),
            _ => null,
        };
        if (data is not { } d) return BadRequest(new ProblemDetails { Status = 400, Title = l["「{0}」という表はこのページにありません。", table] });
        return Request.Query["format"].ToString().ToLowerInvariant() switch
        {
            "csv" => File(Csv(d.Header, d.Rows), ChartDownload.CsvContentType, $"network-{table}.csv"),
            "json" => Content(JsonSerializer.Serialize(d.Rows.Select(r => d.Header.Zip(r).ToDictionary(x => x.First, x => x.Second))), "application/json; charset=utf-8"),
            _ => BadRequest(new ProblemDetails { Status = 400, Title = l["形式は csv か json を指定してください。"] }),
        };
    }

    /// <summary>UTF-8 with a byte order mark and CRLF, numbers invariant, names made inert for spreadsheets.</summary>
    private static byte[] Csv(string[] header, List<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
                csv.WriteRecord(row.Select(v => v switch
                {
                    double x => x.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    string s => ExportEvents.Inert(s),
                    _ => v?.ToString() ?? "",
                }).ToArray());
        }
        return stream.ToArray();
    }
}
