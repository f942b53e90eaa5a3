using System.Globalization;

namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>
/// Where a logic model's boxes and arrows go in its SVG diagram: seven columns left to right, boxes stacked in their
/// order, text wrapped to the box and cut with an ellipsis after <see cref="MaxLines"/> lines (the full text is in
/// each box's title and in the text equivalent). Sized so that it stays legible when scaled to an A4 page's width.
/// </summary>
public sealed class LogicModelDiagram
{
    public const int ColumnWidth = 120, Gap = 22, Margin = 8, FontSize = 12, LineHeight = 15, Padding = 6, BoxGap = 14, MaxLines = 8;
    private const int HeadingLines = 2;

    public sealed record Box(LogicModelElement Element, int Column, double X, double Y, double Width, double Height, IReadOnlyList<string> Lines);

    public sealed record Arrow(string Path, LogicModelElement From, LogicModelElement To);

    public sealed record Heading(ElementKind Kind, double X, IReadOnlyList<string> Lines);

    public IReadOnlyList<Heading> Headings { get; }
    public IReadOnlyList<Box> Boxes { get; }
    public IReadOnlyList<Arrow> Arrows { get; }
    public double Width { get; }
    public double Height { get; }

    /// <summary>The boxes of each column in order, for the text equivalent.</summary>
    public IReadOnlyList<IGrouping<ElementKind, LogicModelElement>> Columns { get; }

    public LogicModel Model { get; }

    /// <summary>The level of the text equivalent's column headings (under the page's own heading).</summary>
    public int HeadingLevel { get; init; } = 3;

    /// <param name="heading">The localized name of a column.</param>
    public LogicModelDiagram(LogicModel model, Func<ElementKind, string> heading)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(heading);
        Model = model;
        // A little narrower than the box: fonts differ in width, and the text must not touch the border.
        var textWidth = ColumnWidth - 2 * Padding - 4;
        // A heading may use the gaps beside its column.
        Headings = LogicModelText.Columns.Select((kind, i) => new Heading(kind, X(i), Wrap(heading(kind), ColumnWidth + Gap - 4, HeadingLines))).ToList();
        var top = Margin + HeadingLines * LineHeight + BoxGap;
        var boxes = new List<Box>();
        foreach (var (kind, column) in LogicModelText.Columns.Select((k, i) => (k, i)))
        {
            var y = (double)top;
            foreach (var element in model.Elements.Where(e => e.Kind == kind).OrderBy(e => e.Order))
            {
                var lines = Wrap(element.Text, textWidth, MaxLines);
                var height = lines.Count * LineHeight + 2 * Padding;
                boxes.Add(new Box(element, column, X(column), y, ColumnWidth, height, lines));
                y += height + BoxGap;
            }
        }
        Boxes = boxes;
        var byId = boxes.ToDictionary(b => b.Element.Id);
        Arrows = model.Links.Where(l => byId.ContainsKey(l.FromId) && byId.ContainsKey(l.ToId))
            .Select(l => new Arrow(PathBetween(byId[l.FromId], byId[l.ToId]), byId[l.FromId].Element, byId[l.ToId].Element)).ToList();
        Width = X(LogicModelText.Columns.Count) - Gap + Margin;
        Height = Math.Max(top + LineHeight, boxes.Select(b => b.Y + b.Height).DefaultIfEmpty(top).Max()) + Margin;
        Columns = LogicModelText.Columns.SelectMany(k => model.Elements.Where(e => e.Kind == k).OrderBy(e => e.Order)).GroupBy(e => e.Kind).ToList();
    }

    /// <summary>The elements an element leads to, in column order.</summary>
    public IEnumerable<LogicModelElement> Targets(LogicModelElement element) =>
        Model.Links.Where(l => l.FromId == element.Id).Select(l => Model.Elements.Find(e => e.Id == l.ToId)).OfType<LogicModelElement>()
            .OrderBy(e => e.Kind).ThenBy(e => e.Order);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static double X(int column) => Margin + column * (ColumnWidth + Gap);

    /// <summary>
    /// A curve from the right edge of one box to the left edge of the next column's (or a later one's); backwards it
    /// leaves from the left edge, and within a column it bows out to the right, so that it never runs under a box's text.
    /// </summary>
    private static string PathBetween(Box from, Box to)
    {
        double y1 = from.Y + from.Height / 2, y2 = to.Y + to.Height / 2;
        if (from.Column == to.Column)
        {
            var x = from.X + from.Width;
            return $"M{Number(x)},{Number(y1)} C{Number(x + Gap)},{Number(y1)} {Number(x + Gap)},{Number(y2)} {Number(x + 2)},{Number(y2)}";
        }
        var forward = to.Column > from.Column;
        var x1 = forward ? from.X + from.Width : from.X;
        var x2 = forward ? to.X - 2 : to.X + to.Width + 2;
        var bend = (x2 - x1) / 2;
        return $"M{Number(x1)},{Number(y1)} C{Number(x1 + bend)},{Number(y1)} {Number(x2 - bend)},{Number(y2)} {Number(x2)},{Number(y2)}";
    }

    /// <summary>
    /// Breaks text into lines that fit the width at <see cref="FontSize"/>: full-width characters count one em, others
    /// about half; a line breaks after a space when there is one (English), else anywhere (Japanese). Past the last
    /// line the text is cut and marked with an ellipsis.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = paragraph.Trim();
            do
            {
                var (line, next) = Take(rest, width);
                lines.Add(line);
                rest = next;
            }
            while (rest.Length > 0);
        }
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && Measure(last + "…") > width) last = last[..^1];
        kept[^1] = last.TrimEnd() + "…";
        return kept;
    }

    private static (string Line, string Remainder) Take(string text, double width)
    {
        double used = 0;
        var lastSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ') lastSpace = i;
            used += Measure(text[i]);
            if (used <= width) continue;
            var cut = lastSpace > 0 ? lastSpace : Math.Max(i, 1);
            // Japanese line breaking: a closing mark does not begin a line, an opening one does not end it.
            while (lastSpace <= 0 && cut > 1 && (ClosingMarks.Contains(text[cut], StringComparison.Ordinal) || OpeningMarks.Contains(text[cut - 1], StringComparison.Ordinal))) cut--;
            return (text[..cut].TrimEnd(), text[cut..].TrimStart());
        }
        return (text, "");
    }

    // ）」』、。・ー：，．！？ and （「『, escaped: they are characters, not text to translate.
    private const string ClosingMarks = "\uFF09\u300D\u300F\u3001\u3002\u30FB\u30FC\uFF1A\uFF0C\uFF0E\uFF01\uFF1F)]\u2026", OpeningMarks = "\uFF08\u300C\u300E([";

    private static double Measure(string text) => text.Sum(Measure);

    private static double Measure(char c) => c > 0x2E7F || c is >= '\uFF01' and <= '\uFF60' ? FontSize : FontSize * (char.IsUpper(c) || c is 'm' or 'w' ? 0.7 : 0.55);
}
