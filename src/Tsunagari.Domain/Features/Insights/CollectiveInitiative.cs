namespace Tsunagari.Features.Insights;

/// <summary>
/// A collective impact initiative (コレクティブ・インパクト): organizations from several sectors working to one common
/// agenda, run by a backbone organization, measuring the same shared indicators, each partner reporting its values every
/// period, their activities reinforcing each other and their communication regular. It is distinct from the
/// collaboration registry's <c>Initiative</c> (a government measure); the two are not linked.
/// </summary>
public sealed class CollectiveInitiative
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxMunicipalities = 60;
    public const int MaxPartners = 100;
    public const int MaxIndicators = 20;

    /// <summary>Partners report a period's values within this many days after it ends (the due date).</summary>
    public const int DueDays = 14;

    /// <summary>A period's values can be entered or corrected until this many days after it ends; then it is closed.</summary>
    public const int CloseDays = 45;

    /// <summary>A reminder goes out from this many days before the due date to partners who have not submitted.</summary>
    public const int ReminderDaysBefore = 7;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Title { get; set; } = "";

    /// <summary>The common agenda: the problem the partners share.</summary>
    public string Problem { get; set; } = "";

    /// <summary>The common agenda: the goal they work toward together.</summary>
    public string Goal { get; set; } = "";

    /// <summary>How the partners' activities lead to the goal, in words.</summary>
    public string TheoryOfChange { get; set; } = "";

    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public ReportingCadence Cadence { get; set; } = ReportingCadence.Quarterly;

    /// <summary>Local government codes of the municipalities it works in.</summary>
    public List<string> Municipalities { get; private set; } = [];

    public CollectiveStatus Status { get; set; } = CollectiveStatus.Active;

    /// <summary>The backbone organization: its admins run the initiative.</summary>
    public Guid BackboneOrganizationId { get; private set; }

    /// <summary>
    /// The shared indicator library's home: a logic model of issue 7 owned by the backbone organization, whose
    /// indicators the initiative can share (others of the backbone's models may be shared too).
    /// </summary>
    public Guid LogicModelId { get; private set; }

    /// <summary>The agreed interval between communications (meetings, newsletters, calls), in days.</summary>
    public int CommunicationIntervalDays { get; set; } = 30;

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }

    private CollectiveInitiative() { }

    public CollectiveInitiative(string title, Guid backboneOrganizationId, Guid logicModelId, DateOnly startsOn, Guid createdBy, DateTimeOffset now)
    {
        Title = title;
        BackboneOrganizationId = backboneOrganizationId;
        LogicModelId = logicModelId;
        StartsOn = startsOn;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
    }

    public void SetMunicipalities(IEnumerable<string> codes)
    {
        Municipalities.Clear();
        Municipalities.AddRange(codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>The reporting period holding a date.</summary>
    public CollectivePeriod PeriodOf(DateOnly date) => CollectivePeriod.Of(Cadence, date);

    /// <summary>The periods from the start up to the one holding <paramref name="today"/> (or the end), earliest first.</summary>
    public IReadOnlyList<CollectivePeriod> PeriodsUntil(DateOnly today)
    {
        var last = EndsOn is { } end && end < today ? end : today;
        var periods = new List<CollectivePeriod>();
        if (last < StartsOn) return periods;
        for (var p = PeriodOf(StartsOn); p.Start <= last; p = p.Next()) periods.Add(p);
        return periods;
    }
}

public enum ReportingCadence
{
    Monthly = 1,

    /// <summary>Calendar quarters: January–March, April–June, July–September, October–December.</summary>
    Quarterly = 3,
}

public enum CollectiveStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>A reporting period: a calendar month or quarter, with the dates by which its values are due and closed.</summary>
public readonly record struct CollectivePeriod(DateOnly Start, DateOnly End)
{
    public static CollectivePeriod Of(ReportingCadence cadence, DateOnly date)
    {
        var months = (int)cadence;
        var start = new DateOnly(date.Year, ((date.Month - 1) / months * months) + 1, 1);
        return new CollectivePeriod(start, start.AddMonths(months).AddDays(-1));
    }

    public DateOnly DueOn => End.AddDays(CollectiveInitiative.DueDays);
    public DateOnly ClosesOn => End.AddDays(CollectiveInitiative.CloseDays);

    /// <summary>Values may be entered from the period's start until it closes.</summary>
    public bool IsOpen(DateOnly today) => today >= Start && today <= ClosesOn;

    public CollectivePeriod Next()
    {
        var start = End.AddDays(1);
        return new CollectivePeriod(start, start.AddMonths(End.Month - Start.Month + 1).AddDays(-1));
    }

    /// <summary>"2026-04" for a month, "2026-04〜06" style is left to the page; this is the stable key of exports.</summary>
    public string Key => Start.Month == End.Month ? $"{Start:yyyy-MM}" : $"{Start:yyyy-MM}..{End:yyyy-MM}";
}

/// <summary>An organization taking part, from a date, in a role of its own words; its sector is its organization kind.</summary>
public sealed class CollectivePartner
{
    public const int MaxRoleLength = 200;

    public Guid InitiativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Role { get; set; } = "";
    public DateOnly JoinedOn { get; private set; }

    /// <summary>When it left; its past submissions and activities stay.</summary>
    public DateOnly? LeftOn { get; set; }

    private CollectivePartner() { }

    public CollectivePartner(Guid initiativeId, Guid organizationId, string role, DateOnly joinedOn)
    {
        InitiativeId = initiativeId;
        OrganizationId = organizationId;
        Role = role;
        JoinedOn = joinedOn;
    }

    /// <summary>Whether it was a partner at some point of the period (so it is expected to report for it).</summary>
    public bool CoversPeriod(CollectivePeriod period) => JoinedOn <= period.End && (LeftOn is null || LeftOn >= period.Start);

    /// <summary>Back after leaving: its earlier join date stays when earlier, so its past periods stay its own.</summary>
    public void Rejoin(string role, DateOnly joinedOn)
    {
        Role = role;
        JoinedOn = joinedOn < JoinedOn ? joinedOn : JoinedOn;
        LeftOn = null;
    }
}

/// <summary>An indicator of issue 7 shared by the initiative: every partner reports its value each period.</summary>
public sealed class CollectiveIndicator
{
    public Guid InitiativeId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public int Order { get; private set; }

    private CollectiveIndicator() { }

    public CollectiveIndicator(Guid initiativeId, Guid indicatorId, int order)
    {
        InitiativeId = initiativeId;
        IndicatorId = indicatorId;
        Order = order;
    }
}
