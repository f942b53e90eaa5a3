using System.Globalization;
using System.Text;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// A bank statement exported as CSV, to reconcile transfers in bulk. The format (UTF-8, with or without BOM; a header
/// row; columns in any order, named in English or Japanese):
/// <list type="table">
/// <item><term>date / 取引日</term><description>the day the money arrived, <c>2026-04-25</c> or <c>2026/04/25</c></description></item>
/// <item><term>amount / 金額</term><description>whole yen, commas allowed (<c>10,000</c>)</description></item>
/// <item><term>payer / 振込依頼人名</term><description>the requester's name as the bank shows it, where donors put the reference</description></item>
/// <item><term>reference / 摘要</term><description>optional: the statement's memo; searched for the reference first</description></item>
/// <item><term>transaction_id / 取引番号</term><description>optional but recommended: the bank's id of the transfer, so
/// importing the same statement twice reconciles nothing twice</description></item>
/// </list>
/// </summary>
public static class BankStatement
{
    public const int MaxRows = 5000;

    public sealed record Row(int Line, DateOnly Date, decimal Amount, string Payer, string Reference, string TransactionId);

    /// <summary>The rows that parse, and the line numbers with what is wrong for those that do not (null header: not this format).</summary>
    public static (List<Row> Rows, List<(int Line, string Problem)> Bad)? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0) return null;
        var header = Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => header.FindIndex(names.Contains);
        var (date, amount, payer, memo, id) = (Column("date", "取引日"), Column("amount", "金額"), Column("payer", "振込依頼人名"), Column("reference", "摘要"),
            Column("transaction_id", "取引番号"));
        if (date < 0 || amount < 0 || payer < 0) return null;
        var rows = new List<Row>();
        var bad = new List<(int, string)>();
        for (var i = 1; i < lines.Length && rows.Count + bad.Count < MaxRows; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = Fields(lines[i]);
            string At(int column) => column >= 0 && column < fields.Count ? fields[column].Trim() : "";
            if (!DateOnly.TryParseExact(At(date).Replace('/', '-'), "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                bad.Add((i + 1, "日付が読めません"));
            else if (!decimal.TryParse(At(amount).Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).TrimEnd('\u5186'), NumberStyles.None, CultureInfo.InvariantCulture, out var yen)
                || Yen.Check(yen) is not null)
                bad.Add((i + 1, "金額が読めません"));
            else
                rows.Add(new Row(i + 1, on, yen, At(payer), At(memo), At(id)));
        }
        return (rows, bad);
    }

    /// <summary>One CSV line's fields: commas separate, double quotes enclose, two double quotes are one.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
