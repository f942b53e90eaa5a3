using System.Globalization;

namespace Tsunagari.Features.Regions;

/// <summary>
/// The NPO Act's 20 fields of activity, read from the embedded npo-act-fields.csv. Source: 特定非営利活動促進法 別表
/// (Act No. 7 of 1998 as amended); the Japanese was checked against several public copies of the Act, the English is a
/// working translation of this project, not an official one.
/// </summary>
public static class FieldsOfActivity
{
    public const string ResourceName = "npo-act-fields.csv";
    public const int Count = 20;

    private static readonly Lazy<IReadOnlyList<FieldOfActivity>> all = new(Load);

    /// <summary>The fields in the Act's order; <c>All[n - 1]</c> is field number n.</summary>
    public static IReadOnlyList<FieldOfActivity> All => all.Value;

    public static bool IsDefined(int number) => number is >= 1 and <= Count;

    public static FieldOfActivity? Find(int number) => IsDefined(number) ? All[number - 1] : null;

    private static IReadOnlyList<FieldOfActivity> Load()
    {
        using var stream = typeof(FieldsOfActivity).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static IReadOnlyList<FieldOfActivity> Parse(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var header = csv.ReadLine();
        if (header != "number,name_ja,name_en")
            throw new InvalidDataException($"Unexpected header in {ResourceName}: {header}");
        var fields = new List<FieldOfActivity>();
        for (var line = csv.ReadLine(); line is not null; line = csv.ReadLine())
        {
            if (line.Length == 0) continue;
            var cells = SplitCsvLine(line);
            if (cells.Count != 3
                || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number != fields.Count + 1)
                throw new InvalidDataException($"Line {fields.Count + 2} of {ResourceName} is not field number {fields.Count + 1}: {line}");
            fields.Add(new FieldOfActivity(number, cells[1], cells[2]));
        }
        if (fields.Count != Count)
            throw new InvalidDataException($"{ResourceName} has {fields.Count} fields instead of {Count}.");
        return fields;
    }

    /// <summary>RFC 4180 cells of one line: the English names contain commas, so they are quoted.</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') cell.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
