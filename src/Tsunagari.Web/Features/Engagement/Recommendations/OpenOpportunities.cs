using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// Open opportunities as parallel arrays of small values (bit masks, indexes), so that ranking 200,000 of them for one
/// person is a linear pass over memory without a Lucene document, a string or an allocation per opportunity.
/// Immutable once built; a new one replaces it when the search index or the sign-ups change.
/// </summary>
public sealed class OpenOpportunities
{
    private readonly Dictionary<string, int> places = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> organizations = [];
    private readonly Dictionary<Guid, int> byId = [];
    private readonly List<int> placeGroupings = [];
    private readonly IReadOnlyDictionary<string, int> groupingOf;

    internal Guid[] Ids { get; }
    internal string[] Titles { get; }
    internal string[] OrganizationNames { get; }
    internal string[] MunicipalityCodes { get; }
    internal int[] Organization { get; }
    internal int[] Place { get; }
    /// <summary>The designated city of a ward (its own place otherwise), so that two wards of one city count as the same place.</summary>
    internal int[] City { get; }
    internal int[] Grouping { get; }
    /// <summary>Bit n-1 for field of activity n.</summary>
    internal int[] Fields { get; }
    /// <summary>Bit n for the way to take part with id n (ids under 64).</summary>
    internal ulong[] Ways { get; }
    internal AccessibilityFeatures[] Access { get; }
    internal bool[] Online { get; }
    /// <summary>When the next occurrence is (Japan time): one <see cref="Availability"/> flag.</summary>
    internal Availability[] Slot { get; }
    internal long[] StartTicks { get; }
    internal long[] EndTicks { get; }
    internal int[] Participants { get; }
    internal bool[] Full { get; }

    public int Count { get; private set; }

    /// <param name="capacity">How many opportunities will be added.</param>
    /// <param name="groupingOf">The regional grouping (any number) of each municipality code that has one.</param>
    public OpenOpportunities(int capacity, IReadOnlyDictionary<string, int> groupingOf)
    {
        this.groupingOf = groupingOf;
        Ids = new Guid[capacity];
        Titles = new string[capacity];
        OrganizationNames = new string[capacity];
        MunicipalityCodes = new string[capacity];
        Organization = new int[capacity];
        Place = new int[capacity];
        City = new int[capacity];
        Grouping = new int[capacity];
        Fields = new int[capacity];
        Ways = new ulong[capacity];
        Access = new AccessibilityFeatures[capacity];
        Online = new bool[capacity];
        Slot = new Availability[capacity];
        StartTicks = new long[capacity];
        EndTicks = new long[capacity];
        Participants = new int[capacity];
        Full = new bool[capacity];
    }

    /// <summary>One open opportunity as the ranking needs it.</summary>
    public readonly record struct Item(
        Guid Id,
        string Title,
        Guid OrganizationId,
        string OrganizationName,
        string MunicipalityCode,
        string? CityCode,
        IEnumerable<int> Fields,
        IEnumerable<int> Ways,
        AccessibilityFeatures Access,
        bool Online,
        DateTimeOffset Start,
        DateTimeOffset End,
        int Participants,
        bool Full);

    public void Add(in Item item)
    {
        if (byId.ContainsKey(item.Id)) return;
        var i = Count++;
        byId[item.Id] = i;
        Ids[i] = item.Id;
        Titles[i] = item.Title;
        OrganizationNames[i] = item.OrganizationName;
        MunicipalityCodes[i] = item.MunicipalityCode;
        Organization[i] = OrganizationIndex(item.OrganizationId, add: true);
        Place[i] = PlaceIndex(item.MunicipalityCode, add: true);
        City[i] = item.CityCode is { Length: > 0 } city ? PlaceIndex(city, add: true) : Place[i];
        Grouping[i] = GroupingOf(item.MunicipalityCode, item.CityCode);
        Fields[i] = FieldMask(item.Fields);
        Ways[i] = WayMask(item.Ways);
        Access[i] = item.Access | (item.Online ? AccessibilityFeatures.Online : AccessibilityFeatures.None);
        Online[i] = item.Online;
        Slot[i] = SlotOf(item.Start);
        StartTicks[i] = item.Start.UtcTicks;
        EndTicks[i] = item.End.UtcTicks;
        Participants[i] = item.Participants;
        Full[i] = item.Full;
    }

    /// <summary>The index of the opportunity, or -1 when it is not open.</summary>
    public int IndexOf(Guid id) => byId.TryGetValue(id, out var i) ? i : -1;

    public Guid IdAt(int index) => Ids[index];

    /// <summary>The place index of a municipality code; -1 when no open opportunity is there.</summary>
    internal int PlaceIndex(string? code, bool add = false)
    {
        if (string.IsNullOrEmpty(code)) return -1;
        if (places.TryGetValue(code, out var index)) return index;
        if (!add) return -1;
        places[code] = index = places.Count;
        return index;
    }

    internal int OrganizationIndex(Guid id, bool add = false)
    {
        if (organizations.TryGetValue(id, out var index)) return index;
        if (!add) return -1;
        organizations[id] = index = organizations.Count;
        return index;
    }

    /// <summary>The grouping of a municipality, or of its designated city; -1 outside every grouping.</summary>
    internal int GroupingOf(string? code, string? cityCode) =>
        code is not null && groupingOf.TryGetValue(code, out var g) ? g
        : cityCode is not null && groupingOf.TryGetValue(cityCode, out g) ? g
        : -1;

    public static int FieldMask(IEnumerable<int> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var mask = 0;
        foreach (var f in fields)
            if (f is >= 1 and <= 31) mask |= 1 << (f - 1);
        return mask;
    }

    public static ulong WayMask(IEnumerable<int> ways)
    {
        ArgumentNullException.ThrowIfNull(ways);
        var mask = 0UL;
        foreach (var w in ways)
            if (w is >= 0 and < 64) mask |= 1UL << w;
        return mask;
    }

    /// <summary>
    /// Weekday or weekend, daytime or evening (from 17:00) of a start in Japan time. Public holidays count as weekdays:
    /// the platform has no holiday calendar yet.
    /// </summary>
    public static Availability SlotOf(DateTimeOffset start)
    {
        var local = TimeZoneInfo.ConvertTime(start, JapanTime.Zone);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var evening = local.Hour >= 17;
        return (weekend, evening) switch
        {
            (false, false) => Availability.WeekdayDaytime,
            (false, true) => Availability.WeekdayEvening,
            (true, false) => Availability.WeekendDaytime,
            (true, true) => Availability.WeekendEvening,
        };
    }
}
