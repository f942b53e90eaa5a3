using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Network;

/// <summary>
/// The network measures as an API, for networks gathered outside the platform too: nodes and edges in, every measure out,
/// nothing saved. Coordinators and prefecture admins only (by cookie or personal access token): betweenness on the
/// largest graph allowed takes seconds of both cores. The work is bounded by <see cref="MaxNodes"/>,
/// <see cref="MaxEdges"/> and a body of <see cref="MaxBodyBytes"/>, refused before it is read when it says its length.
/// </summary>
public static class NetworkApi
{
    public const int MaxNodes = 20_000;
    public const int MaxEdges = 100_000;
    public const int MaxIdLength = 100;
    public const int MaxSectorLength = 100;

    /// <summary>100,000 edges of two 100-character ids and a weight fit in 24 MB; 10 million edges never get read.</summary>
    public const int MaxBodyBytes = 24 * 1024 * 1024;

    /// <summary>At most this many problems are listed, so a body of a hundred thousand bad edges does not make a huge answer.</summary>
    public const int MaxProblems = 50;

    public const int BridgeCount = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8, NumberHandling = JsonNumberHandling.Strict };

    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/insights/network/metrics", NetworkMetrics)
            .WithTags("Insights")
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(NetworkMetrics))
            .WithSummary("Measures of an undirected network, nothing saved (coordinators and prefecture admins): per node degree, weightedDegree, "
                + "betweenness (Brandes, normalised × 2 ÷ ((n−1)(n−2))), closeness (Wasserman–Faust: (r−1) ÷ Σd × (r−1) ÷ (n−1)), clustering "
                + "(degree < 2 → 0), community (Louvain) and component; density 2m ÷ (n(n−1)), averageClustering, modularity, components, "
                + "crossSectorShare and the bridges (top 10 by betweenness).")
            .WithDescription("Ids are strings or numbers (at most 100 characters); weight defaults to 1 and must be positive and finite. "
                + "weighted: false counts every edge 1; weighted: true sums weights for weightedDegree and modularity and takes 1 ÷ weight as an "
                + "edge's length for betweenness and closeness (networkx reads weight as a length: give it 1 ÷ weight to compare); clustering is "
                + "always unweighted. A self-loop is ignored and an edge given twice (a–b and b–a are the same edge) is merged, weights summed; "
                + "both are reported in warnings. At most 20,000 nodes, 100,000 edges and a 24 MB body (413 beyond). Problems are a validation "
                + "problem keyed by JSON path (nodes[0].id, edges[3].target, …).")
            .Accepts<NetworkRequest>("application/json")
            .Produces<NetworkResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    public sealed record NetworkRequest(IReadOnlyList<NetworkNodeRequest?>? Nodes, IReadOnlyList<NetworkEdgeRequest?>? Edges, bool? Weighted);

    public sealed record NetworkNodeRequest(
        [property: JsonConverter(typeof(NodeIdConverter))] string? Id,
        string? Sector);

    public sealed record NetworkEdgeRequest(
        [property: JsonConverter(typeof(NodeIdConverter))] string? Source,
        [property: JsonConverter(typeof(NodeIdConverter))] string? Target,
        double? Weight);

    public sealed record NetworkResponse(
        IReadOnlyList<NetworkNodeResponse> Nodes,
        int EdgeCount,
        double Density,
        double AverageClustering,
        double Modularity,
        int Components,
        int Communities,
        double? CrossSectorShare,
        IReadOnlyList<NetworkBridgeResponse> Bridges,
        IReadOnlyList<string> Warnings);

    public sealed record NetworkNodeResponse(string Id, string? Sector, int Degree, double WeightedDegree, double Betweenness, double Closeness,
        double Clustering, int Community, int Component);

    public sealed record NetworkBridgeResponse(string Id, string? Sector, double Betweenness, int Degree);

    /// <summary>
    /// The body is read here rather than bound, so that malformed JSON is a localized validation problem keyed by where it
    /// is; the measures run on worker threads and stop when the caller goes away.
    /// </summary>
    public static async Task<Results<Ok<NetworkResponse>, ValidationProblem, ProblemHttpResult>> NetworkMetrics(
        HttpRequest request, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(l);
        if (!user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.PrefectureAdmin))
            return TypedResults.Problem(detail: l["ネットワークの指標を計算できるのはコーディネーターと県の管理者です。"], statusCode: StatusCodes.Status403Forbidden);
        if (request.ContentLength > MaxBodyBytes) return TooLarge(l);
        // A body that does not say its length is cut off by the server at the same size.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        NetworkRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<NetworkRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            var (key, message) = Unreadable(e, l);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(l);
        }
        if (body is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["body"] = [l["本文にネットワークの JSON（nodes、edges、weighted）を送ってください。"]],
            });

        var input = NetworkInput.Read(body, l);
        if (input.Errors.Count > 0) return TypedResults.ValidationProblem(input.Errors);
        var weighted = body.Weighted ?? false;
        var measures = await Task.Run(() => NetworkAnalysis.Measure(input.Graph!, weighted, cancellationToken), cancellationToken);
        return TypedResults.Ok(Response(input, measures, l));
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer l) =>
        TypedResults.Problem(detail: l["ネットワークの JSON は{0}MB までです（ノードは{1}件、エッジは{2}件まで）。", MaxBodyBytes / 1024 / 1024, MaxNodes, MaxEdges],
            statusCode: StatusCodes.Status413PayloadTooLarge);

    private static NetworkResponse Response(NetworkInput input, NetworkMeasures m, IStringLocalizer l)
    {
        var graph = input.Graph!;
        var nodes = input.Ids.Select((id, v) => new NetworkNodeResponse(id, input.Sectors[v], m.Degree[v], m.WeightedDegree[v], m.Betweenness[v],
            m.Closeness[v], m.Clustering[v], m.Community[v], m.Component[v])).ToList();
        var bridges = nodes.Where(n => n.Betweenness > 0).OrderByDescending(n => n.Betweenness).ThenByDescending(n => n.Degree)
            .Take(BridgeCount).Select(n => new NetworkBridgeResponse(n.Id, n.Sector, n.Betweenness, n.Degree)).ToList();
        var warnings = new List<string>();
        if (graph.IgnoredSelfLoops > 0) warnings.Add(l["自己ループ（同じノードどうしのエッジ）{0}件を無視しました。", graph.IgnoredSelfLoops]);
        if (graph.MergedDuplicates > 0) warnings.Add(l["重複したエッジ{0}件を1本にまとめ、重みを合計しました（a–b と b–a は同じエッジです）。", graph.MergedDuplicates]);
        return new(nodes, graph.EdgeCount, m.Density, m.AverageClustering, m.Modularity, m.Components, m.Communities,
            CrossSectorShare(graph, input.Sectors), bridges, warnings);
    }

    /// <summary>
    /// Of the edges whose two ends both have a sector, the share whose sectors differ (each edge once, whatever its
    /// weight); null when no edge has a sector at both ends.
    /// </summary>
    public static double? CrossSectorShare(NetworkGraph graph, IReadOnlyList<string?> sectors)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sectors);
        int known = 0, crossing = 0;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (sectors[graph.EdgeSources[e]] is not { } a || sectors[graph.EdgeTargets[e]] is not { } b) continue;
            known++;
            if (!string.Equals(a, b, StringComparison.Ordinal)) crossing++;
        }
        return known == 0 ? null : crossing / (double)known;
    }

    /// <summary>Where the JSON could not be read (its path without the leading "$.") and what belongs there.</summary>
    private static (string Key, string Message) Unreadable(JsonException e, IStringLocalizer l)
    {
        var path = e.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        if (path.Length == 0) return ("body", l["JSON として読めません。ネットワークを1つの JSON オブジェクト（nodes、edges、weighted）として送ってください。"]);
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            "weight" => (path, l["重みは正の数値で指定してください（引用符なし）。"]),
            "weighted" => (path, l["weighted は true か false で指定してください。"]),
            "id" or "source" or "target" => (path, l["ノードの ID は文字列か数値で指定してください。"]),
            "sector" => (path, l["セクターは文字列で指定してください。"]),
            _ => (path, l["この位置の値を読めません。nodes はノード、edges はエッジのオブジェクトの配列です。"]),
        };
    }

    /// <summary>Ids may come as strings or as numbers (as networkx and most tools number nodes); a number is kept as written.</summary>
    public sealed class NodeIdConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException("A node id is a string or a number."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
