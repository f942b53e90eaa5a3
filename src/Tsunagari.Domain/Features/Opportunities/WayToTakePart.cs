namespace Tsunagari.Features.Opportunities;

/// <summary>
/// A way to take part (関わり方), e.g. 気軽に体験 or 週末・休日のみ. Data, not code: prefecture admins edit the list;
/// the defaults come from <see cref="DefaultWays"/>.
/// </summary>
public sealed class WayToTakePart
{
    public int Id { get; private set; }

    /// <summary>Stable key used in URLs and the API (e.g. "weekend").</summary>
    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>Name of the icon in wwwroot/icons (shown beside the text, never instead of it).</summary>
    public string Icon { get; private set; } = "";

    public int SortOrder { get; private set; }

    private WayToTakePart() { }

    public WayToTakePart(int id, string key, string name, string nameEn, string icon, int sortOrder)
    {
        Id = id;
        Key = key;
        Update(name, nameEn, icon, sortOrder);
    }

    public void Update(string name, string nameEn, string icon, int sortOrder)
    {
        Name = name.Trim();
        NameEn = nameEn.Trim();
        Icon = icon.Trim();
        SortOrder = sortOrder;
    }
}
