using Microsoft.Extensions.Localization;

namespace Tsunagari.Features.Insights.Network;

/// <summary>
/// A request's nodes and edges checked and turned into a <see cref="NetworkGraph"/>: every problem is keyed by its JSON
/// path (nodes[2].id, edges[5].weight); ids are matched exactly (case and width count). Stops listing after
/// <see cref="NetworkApi.MaxProblems"/> problems.
/// </summary>
public sealed class NetworkInput
{
    private NetworkInput(Dictionary<string, string[]> errors, IReadOnlyList<string> ids, IReadOnlyList<string?> sectors, NetworkGraph? graph)
    {
        Errors = errors;
        Ids = ids;
        Sectors = sectors;
        Graph = graph;
    }

    public Dictionary<string, string[]> Errors { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>Each node's sector, null when not given (or blank).</summary>
    public IReadOnlyList<string?> Sectors { get; }

    /// <summary>The graph, when there are no errors.</summary>
    public NetworkGraph? Graph { get; }

    public static NetworkInput Read(NetworkApi.NetworkRequest body, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Nodes is null) Add(errors, "nodes", l["nodes（ノードの配列）を指定してください。"]);
        else if (body.Nodes.Count > NetworkApi.MaxNodes) Add(errors, "nodes", l["ノードは{0}件までです（{1}件あります）。", NetworkApi.MaxNodes, body.Nodes.Count]);
        if (body.Edges is null) Add(errors, "edges", l["edges（エッジの配列。なければ []）を指定してください。"]);
        else if (body.Edges.Count > NetworkApi.MaxEdges) Add(errors, "edges", l["エッジは{0}件までです（{1}件あります）。", NetworkApi.MaxEdges, body.Edges.Count]);
        if (errors.Count > 0) return new(errors, [], [], null);

        var index = new Dictionary<string, int>(body.Nodes!.Count, StringComparer.Ordinal);
        var ids = new List<string>(body.Nodes.Count);
        var sectors = new List<string?>(body.Nodes.Count);
        for (var i = 0; i < body.Nodes.Count && errors.Count < NetworkApi.MaxProblems; i++)
        {
            var node = body.Nodes[i];
            if (node is null)
            {
                Add(errors, $"nodes[{i}]", l["ノードはオブジェクト（id、sector）で指定してください。"]);
                continue;
            }
            if (IdProblem(node.Id, l) is { } problem) Add(errors, $"nodes[{i}].id", problem);
            else if (!index.TryAdd(node.Id!, ids.Count)) Add(errors, $"nodes[{i}].id", l["ノードの ID「{0}」が重複しています。", node.Id!]);
            else
            {
                ids.Add(node.Id!);
                sectors.Add(string.IsNullOrWhiteSpace(node.Sector) ? null : node.Sector.Trim());
            }
            if (node.Sector is { Length: > NetworkApi.MaxSectorLength }) Add(errors, $"nodes[{i}].sector", l["セクターは{0}文字までです。", NetworkApi.MaxSectorLength]);
        }

        var edges = new List<(int, int, double)>(body.Edges!.Count);
        for (var i = 0; i < body.Edges.Count && errors.Count < NetworkApi.MaxProblems; i++)
        {
            var edge = body.Edges[i];
            if (edge is null)
            {
                Add(errors, $"edges[{i}]", l["エッジはオブジェクト（source、target、weight）で指定してください。"]);
                continue;
            }
            var source = End(edge.Source, $"edges[{i}].source", index, errors, l);
            var target = End(edge.Target, $"edges[{i}].target", index, errors, l);
            var weight = edge.Weight ?? 1;
            if (!double.IsFinite(weight) || weight <= 0)
            {
                Add(errors, $"edges[{i}].weight", l["重みは正の有限な数値で指定してください（省略すると1）。"]);
                continue;
            }
            if (source >= 0 && target >= 0) edges.Add((source, target, weight));
        }
        if (errors.Count > 0) return new(errors, ids, sectors, null);
        return new(errors, ids, sectors, NetworkGraph.Build(ids.Count, edges));
    }

    private static int End(string? id, string key, Dictionary<string, int> index, Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        if (IdProblem(id, l) is { } problem)
        {
            Add(errors, key, problem);
            return -1;
        }
        if (index.TryGetValue(id!, out var node)) return node;
        Add(errors, key, l["ノード「{0}」は nodes にありません。", id!.Length > 40 ? id[..40] + "…" : id]);
        return -1;
    }

    private static string? IdProblem(string? id, IStringLocalizer l) =>
        string.IsNullOrEmpty(id) ? l["ノードの ID を指定してください。"].Value
        : id.Length > NetworkApi.MaxIdLength ? l["ノードの ID は{0}文字までです。", NetworkApi.MaxIdLength].Value
        : null;

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
