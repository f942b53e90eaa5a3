using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// FsCheck generators for what people and programs send that they should not: hostile text, values of the wrong type,
/// absurd numbers and dates. Every generator mixes in ordinary values, so validation is reached and not only parsing.
/// </summary>
public static class HostileInput
{
    /// <summary>Marks a value as "leave the field out".</summary>
    public const string Missing = "\uFFFF<missing>";

    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[click](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "' OR '1'='1",
        "'; DROP TABLE \"Organizations\"; --",
        "%_\\",
        "{{7*7}}@(1+1)${7*7}",
        "../../../../etc/passwd",
        "\0",
        "\u0001\u0007\u001b[31m\u007f",
        "\r\n\r\nSet-Cookie: x=y",
        "\t \u3000 ",
        "",
        " ",
        "Ａｂｃ漢字ｶﾀｶﾅ한글Ελληνικάعربي",
        "\u202Egnp.exe\u202C",
        "\u200F\u200E\u200B\uFEFF",
        "👨‍👩‍👧‍👦🇯🇵🙏🏽",
        "\uD800",
        "x\uDC00y",
        "１２３４５",
        "１２１００２",
        "－１",
        "ｆｏｏ＠ｅｘａｍｐｌｅ．ｊｐ",
        "\u0041\u030A\u212B",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "1", "20", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity",
        "0x10", "1,000", "1.5", "٣", "１２",
    ];

    public static readonly string[] Dates =
    [
        "2026-02-30", "2026-13-01", "9999-12-31", "0001-01-01", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "2026-06-01T10:00",
        "2026/06/01 25:00", "令和8年1月1日", "1717200000", "2026-06-01T10:00:00Z",
    ];

    public static readonly string[] Guids = ["00000000-0000-0000-0000-000000000000", "not-a-guid", "{00000000-0000-0000-0000-000000000000}", "5", Guid.Empty.ToString("N")];

    private static Gen<string> Long =>
        Gen.Elements(
            new string('あ', 5_000),
            string.Concat(Enumerable.Repeat("<b>太字</b>", 2_000)),
            new string('9', 400),
            string.Concat(Enumerable.Repeat("👍", 3_000)));

    /// <summary>A printable random string of any script, a hostile payload, or several glued together.</summary>
    public static Gen<string> Text =>
        Gen.Frequency(
            (6, Gen.Elements(Payloads)),
            (2, Long),
            (3, Gen.Choose(0, 0x2FFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32).ArrayOf().Select(string.Concat)),
            (2, Gen.Elements(Payloads).ArrayOf().Select(string.Concat)));

    /// <summary>A value for a field of the type given: usually of a wrong kind, sometimes right, sometimes missing.</summary>
    public static Gen<string> ValueFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var fitting =
            type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) ? Gen.Elements(Numbers)
            : type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) ? Gen.Elements(Dates)
            : type == typeof(Guid) ? Gen.Elements(Guids)
            : type == typeof(bool) ? Gen.Elements("true", "false", "on", "1", "yes", "はい")
            : type.IsEnum ? Gen.Elements(Enum.GetNames(type).Concat(["999", "-1", "None,All"]).ToArray())
            : Text;
        return Gen.Frequency((5, fitting), (3, Text), (1, Gen.Elements(Numbers)), (1, Gen.Constant(Missing)));
    }

    /// <summary>A form body as browsers send it, except that lone surrogates become invalid UTF-8 bytes.</summary>
    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join('&', fields.Select(f => $"{Encode(f.Key)}={Encode(f.Value)}"));
    }

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder();
        var run = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(value[i - 1]));
            if (paired)
            {
                run.Append(c);
                continue;
            }
            result.Append(Uri.EscapeDataString(run.ToString())).Append("%ED%A0%80");
            run.Clear();
        }
        return result.Append(Uri.EscapeDataString(run.ToString())).ToString();
    }

    /// <summary>The cases of one endpoint: the same on every run for a seed, so a failure can be replayed.</summary>
    public static IReadOnlyList<T> Sample<T>(Gen<T> gen, ulong seed, string endpoint, int count)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // FNV-1a, because string.GetHashCode differs between runs.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(endpoint)) hash = (hash ^ b) * 1099511628211UL;
        return Gen.Sample(gen, 20, new Rnd(seed ^ hash, 0x9E3779B97F4A7C15UL), count);
    }

    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("TSUNAGARI_BAD_INPUT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20261128UL;
}
