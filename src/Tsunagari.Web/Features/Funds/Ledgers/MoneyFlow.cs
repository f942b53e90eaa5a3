namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>
/// The flow of money as a three-column Sankey diagram: givers (funds, organizations that pay, and people or outsiders as
/// one node each) → the organizations that received it → the projects it was for. Built from the money entries on
/// organizations' ledgers, so each yen is drawn once. The diagram draws the <see cref="MaxDrawn"/> largest flows; the
/// table beside it lists them all.
/// </summary>
public sealed class MoneyFlow
{
    public const int MaxDrawn = 40;
    public const double Width = 900;
    public const double Height = 480;
    public const double NodeWidth = 14;
    private const double Gap = 8;
    private const double Top = 10;

    private MoneyFlow(IReadOnlyList<FlowLink> links) => Links = links;

    /// <summary>Every flow, largest first: giver → organization, and organization → project.</summary>
    public IReadOnlyList<FlowLink> Links { get; }

    public bool IsEmpty => Links.Count == 0;

    public static MoneyFlow From(IEnumerable<LedgerEntry> received, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(names);
        var entries = received.ToList();
        var toOrganizations = entries
            .GroupBy(e => (Giver: Giver(e), Receiver: new FlowNode(FlowColumn.Organization, e.OwnerId.ToString(), names.GetValueOrDefault(e.OwnerId, ""))))
            .Select(g => new FlowLink(g.Key.Giver, g.Key.Receiver, g.Sum(e => e.Amount)));
        var toProjects = entries.Where(e => e.ProjectId is not null)
            .GroupBy(e => (From: new FlowNode(FlowColumn.Organization, e.OwnerId.ToString(), names.GetValueOrDefault(e.OwnerId, "")),
                To: new FlowNode(FlowColumn.Project, e.ProjectId!.Value.ToString(), e.ProjectTitle)))
            .Select(g => new FlowLink(g.Key.From, g.Key.To, g.Sum(e => e.Amount)));
        return new MoneyFlow(toOrganizations.Concat(toProjects).OrderByDescending(l => l.Amount).ThenBy(l => l.From.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>People and outsiders are grouped by kind: the public flow never names a person.</summary>
    private static FlowNode Giver(LedgerEntry e) => e.CounterpartyKind switch
    {
        PartyKind.Fund or PartyKind.Organization when e.CounterpartyId is { } id => new FlowNode(FlowColumn.Giver, id.ToString(), e.CounterpartyName),
        PartyKind.Person => new FlowNode(FlowColumn.Giver, "people", ""),
        _ => new FlowNode(FlowColumn.Giver, "outside", ""),
    };

    /// <summary>Positions of the drawn flows: each column's nodes stacked with gaps, heights in proportion to money.</summary>
    public FlowDrawing Draw()
    {
        var drawn = Links.Take(MaxDrawn).ToList();
        if (drawn.Count == 0) return new FlowDrawing([], []);
        var nodes = drawn.SelectMany(l => new[] { l.From, l.To }).Distinct().ToList();
        decimal Through(FlowNode n) => Math.Max(drawn.Where(l => l.To == n).Sum(l => l.Amount), drawn.Where(l => l.From == n).Sum(l => l.Amount));
        var columns = nodes.GroupBy(n => n.Column).ToDictionary(g => g.Key, g => g.OrderByDescending(Through).ToList());
        var scale = columns.Values.Min(c => (Height - 2 * Top - Gap * (c.Count - 1)) / (double)c.Sum(Through));
        var boxes = new Dictionary<FlowNode, FlowBox>();
        foreach (var (column, members) in columns)
        {
            var x = column switch { FlowColumn.Giver => 0, FlowColumn.Organization => (Width - NodeWidth) / 2, _ => Width - NodeWidth };
            var y = Top;
            foreach (var node in members)
            {
                var height = Math.Max(1, (double)Through(node) * scale);
                boxes[node] = new FlowBox(node, x, y, height, Through(node));
                y += height + Gap;
            }
        }
        var outOffset = boxes.Keys.ToDictionary(n => n, _ => 0d);
        var inOffset = boxes.Keys.ToDictionary(n => n, _ => 0d);
        var bands = new List<FlowBand>();
        foreach (var link in drawn.OrderBy(l => boxes[l.From].Y).ThenBy(l => boxes[l.To].Y))
        {
            var width = Math.Max(1, (double)link.Amount * scale);
            var from = boxes[link.From];
            var to = boxes[link.To];
            bands.Add(new FlowBand(link, from.X + NodeWidth, from.Y + outOffset[link.From] + width / 2, to.X, to.Y + inOffset[link.To] + width / 2, width));
            outOffset[link.From] += width;
            inOffset[link.To] += width;
        }
        return new FlowDrawing([.. boxes.Values], bands);
    }
}

public enum FlowColumn
{
    Giver = 1,
    Organization = 2,
    Project = 3,
}

/// <summary>A node of the flow; <see cref="Name"/> is empty for the aggregate "people" and "outside" givers, which the view names.</summary>
public sealed record FlowNode(FlowColumn Column, string Key, string Name);

public sealed record FlowLink(FlowNode From, FlowNode To, decimal Amount);

public sealed record FlowBox(FlowNode Node, double X, double Y, double Height, decimal Amount);

/// <summary>A drawn flow: a band from (X1, Y1) to (X2, Y2), its centre line, <see cref="Width"/> thick.</summary>
public sealed record FlowBand(FlowLink Link, double X1, double Y1, double X2, double Y2, double Width)
{
    public string Path
    {
        get
        {
            var middle = (X1 + X2) / 2;
            return FormattableString.Invariant($"M{X1:0.#},{Y1:0.#} C{middle:0.#},{Y1:0.#} {middle:0.#},{Y2:0.#} {X2:0.#},{Y2:0.#}");
        }
    }
}

public sealed record FlowDrawing(IReadOnlyList<FlowBox> Boxes, IReadOnlyList<FlowBand> Bands);
