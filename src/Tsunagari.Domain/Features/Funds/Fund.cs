namespace Tsunagari.Features.Funds;

/// <summary>
/// A fund (基金) held by an organization (a community foundation, a citizen fund, a municipality, a dormant-deposit fund
/// distributor): it receives donations and grants, and pays grants out through its grant programmes. Its money is on its
/// own ledger (<see cref="LedgerEntry"/> with <see cref="LedgerOwner.Fund"/>).
/// </summary>
public sealed class Fund
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The organization whose admins manage the fund.</summary>
    public Guid HolderOrganizationId { get; private set; }

    public FundKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>For a theme fund: the NPO Act fields (1–20) it supports.</summary>
    public List<int> Fields { get; set; } = [];

    /// <summary>For a regional fund: the municipalities (local government codes) it supports.</summary>
    public List<string> MunicipalityCodes { get; set; } = [];

    /// <summary>For a named fund (冠基金): the person, family or company it is named after.</summary>
    public string NamedAfter { get; set; } = "";

    /// <summary>For a donor-designated project fund (事業指定): the project donations go to.</summary>
    public string DesignatedProject { get; set; } = "";

    /// <summary>Whether it accepts donations from the public (a closed fund still pays out what it holds).</summary>
    public bool AcceptsDonations { get; set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    private Fund() { }

    public Fund(Guid holderOrganizationId, FundKind kind, string name, DateTimeOffset now)
    {
        HolderOrganizationId = holderOrganizationId;
        Kind = kind;
        Name = name.Trim();
        CreatedAt = now;
    }

    public LedgerAccount Account => new(LedgerOwner.Fund, Id);
}

public enum FundKind
{
    /// <summary>一般基金: for the holder's general grant-making.</summary>
    General = 1,

    /// <summary>テーマ基金: for one or more fields of activity.</summary>
    Theme = 2,

    /// <summary>地域基金: for one or more municipalities.</summary>
    Regional = 3,

    /// <summary>冠基金: named after a donor, who sets its purpose.</summary>
    Named = 4,

    /// <summary>事業指定: donations designated for one project.</summary>
    DesignatedProject = 5,

    /// <summary>休眠預金: a dormant-deposit grant held by a fund distributor (資金分配団体) to regrant.</summary>
    DormantDeposit = 6,
}
