namespace Tsunagari.Features.Regions;

/// <summary>
/// A prefecture's own grouping of its municipalities (e.g. Chiba's 地域振興事務所 areas), defined and edited by prefecture admins.
/// </summary>
public sealed class RegionalGrouping
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string PrefectureCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }
    public List<string> MunicipalityCodes { get; private set; } = [];

    private RegionalGrouping() { }

    public RegionalGrouping(string prefectureCode, string name, string nameEn, int sortOrder, IEnumerable<string> municipalityCodes)
    {
        if (!LocalGovernmentCode.IsValid(prefectureCode))
            throw new ArgumentException($"{prefectureCode} is not a local government code.", nameof(prefectureCode));
        PrefectureCode = prefectureCode;
        Update(name, nameEn, sortOrder, municipalityCodes);
    }

    public void Update(string name, string nameEn, int sortOrder, IEnumerable<string> municipalityCodes)
    {
        name = name.Trim();
        nameEn = nameEn.Trim();
        if (name.Length is 0 or > MaxNameLength || nameEn.Length is 0 or > MaxNameLength)
            throw new ArgumentException($"A grouping needs a Japanese and an English name of 1 to {MaxNameLength} characters.", nameof(name));
        var codes = municipalityCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Any(c => !LocalGovernmentCode.IsValid(c) || !c.AsSpan(0, 2).SequenceEqual(PrefectureCode.AsSpan(0, 2))))
            throw new ArgumentException($"Every municipality of a grouping must be one of prefecture {PrefectureCode}.", nameof(municipalityCodes));
        Name = name;
        NameEn = nameEn;
        SortOrder = sortOrder;
        MunicipalityCodes = codes;
    }
}
