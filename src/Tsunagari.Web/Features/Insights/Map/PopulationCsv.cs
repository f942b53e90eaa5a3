using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// Reads a population file an administrator uploads: a header row (<c>municipality_code,population,as_of</c> or
/// 団体コード,人口,基準日 — other columns such as a name are ignored), then one row per municipality or ward of the
/// prefecture. The whole file is judged before anything is saved: any bad row refuses the file, with every bad row's
/// line number and reason, so a half-loaded population never skews the figures per 1,000 residents.
/// </summary>
public sealed class PopulationCsv(IStringLocalizer<SharedResource> l)
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>More than Japan's population: anything larger is a typing error.</summary>
    public const int MaxPopulation = 200_000_000;

    /// <summary>The headers of each column, in English and as Japanese open data names them.</summary>
    public static readonly IReadOnlyList<string> CodeHeaders = ["municipality_code", "\u56E3\u4F53\u30B3\u30FC\u30C9"];
    public static readonly IReadOnlyList<string> PopulationHeaders = ["population", "\u4EBA\u53E3"];
    public static readonly IReadOnlyList<string> AsOfHeaders = ["as_of", "\u57FA\u6E96\u65E5"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];

    private static readonly SearchValues<byte> ControlBytes =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    public sealed record Row(int Line, string Code, int Population, DateOnly AsOf);

    public sealed record Problem(int Line, string Message);

    /// <summary>The rows of a good file; or the file's problem; or the bad rows (then <see cref="Rows"/> is not to be saved).</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems, string? FileError)
    {
        public bool IsValid => FileError is null && Problems.Count == 0 && Rows.Count > 0;
    }

    public async Task<Result> ReadAsync(byte[] content, string prefectureCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (text, error) = Decode(content);
        if (text is null) return new Result([], [], error);
        return await ParseAsync(text, prefectureCode, cancellationToken);
    }

    /// <summary>UTF-8 (with or without BOM) or, failing that, Shift_JIS, as spreadsheets in Japan save CSV.</summary>
    public (string? Text, string? Error) Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes) return (null, l["ファイルが大きすぎます。{0}MB以下にしてください。", MaxBytes / 1024 / 1024]);
        if (content.Length == 0) return (null, l["ファイルが空です。"]);
        if (content.AsSpan().ContainsAny(ControlBytes)) return (null, l["CSVのテキストファイルではありません。人口のCSVファイルを選んでください。"]);
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
        }
        try
        {
            var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
            return (shiftJis.GetString(content), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, l["ファイルの文字コードを読めません。UTF-8（またはShift_JIS）で保存してください。"]);
        }
    }

    public async Task<Result> ParseAsync(string text, string prefectureCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true, MaxRecordSize = MaxBytes });
        IReadOnlyList<string> headers;
        try
        {
            headers = csv.Headers ?? [];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException)
        {
            return new Result([], [], l["CSVの見出し行を読めません。"]);
        }
        var normalized = headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(IReadOnlyList<string> names) => normalized.FindIndex(h => names.Contains(h, StringComparer.Ordinal));
        int code = Column(CodeHeaders), population = Column(PopulationHeaders), asOf = Column(AsOfHeaders);
        if (code < 0 || population < 0 || asOf < 0)
            return new Result([], [], l["必要な列がありません。1行目の見出しを「municipality_code,population,as_of」（または「団体コード,人口,基準日」）にしてください。"]);

        var rows = new List<Row>();
        var problems = new List<Problem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                var line = (int)csv.LineNumber;
                if (rows.Count + problems.Count >= MaxRows)
                    return new Result([], problems, l["行が多すぎます。{0}行以下にしてください。", MaxRows]);
                string Cell(int column) => column < csv.FieldCount ? csv.GetString(column).Trim() : "";
                var reasons = new List<string>();
                var found = Code(Cell(code), prefectureCode, reasons);
                var people = Population(Cell(population), reasons);
                var date = Date(Cell(asOf), reasons);
                if (found is not null && seen.TryGetValue(found, out var first))
                    reasons.Add(l["コード{0}は{1}行目と重複しています。", found, first]);
                else if (found is not null) seen[found] = line;
                if (reasons.Count > 0) problems.Add(new Problem(line, string.Join(" ", reasons)));
                else rows.Add(new Row(line, found!, people!.Value, date!.Value));
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return new Result([], problems, l["CSVの形式が正しくありません（{0}行目付近）。", csv.RowNumber + 1]);
        }
        if (rows.Count == 0 && problems.Count == 0) return new Result([], [], l["データの行がありません。"]);
        return new Result(rows, problems, null);
    }

    /// <summary>A 6-digit code, or 5 digits without the check digit, of a municipality or ward of the prefecture.</summary>
    private string? Code(string text, string prefectureCode, List<string> reasons)
    {
        var code = text.Length == LocalGovernmentCode.Length - 1 && text.All(char.IsAsciiDigit)
            ? text + LocalGovernmentCode.CheckDigit(text).ToString(CultureInfo.InvariantCulture)
            : text;
        if (!LocalGovernmentCode.IsValid(code))
        {
            reasons.Add(l["「{0}」は全国地方公共団体コードではありません（6桁、または検査数字のない5桁）。", text]);
            return null;
        }
        if (Japan.Shared.Municipality(code) is not { } municipality || municipality.PrefectureCode != prefectureCode)
        {
            reasons.Add(l["コード{0}の市区町村はこの都道府県にありません。", code]);
            return null;
        }
        return code;
    }

    private int? Population(string text, List<string> reasons)
    {
        if (!long.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            reasons.Add(l["人口「{0}」は整数ではありません。", text]);
            return null;
        }
        if (n < 0)
        {
            reasons.Add(l["人口は0以上にしてください（{0}）。", text]);
            return null;
        }
        if (n > MaxPopulation)
        {
            reasons.Add(l["人口{0}は大きすぎます。", text]);
            return null;
        }
        return (int)n;
    }

    private DateOnly? Date(string text, List<string> reasons)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900) return date;
        reasons.Add(l["基準日「{0}」は日付ではありません（例：2025-10-01）。", text]);
        return null;
    }
}
