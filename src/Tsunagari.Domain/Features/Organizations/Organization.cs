using Tsunagari.Features.Search;

namespace Tsunagari.Features.Organizations;

/// <summary>An organized actor in the region: a neighbourhood association, an NPO, a company, a school, a municipality…</summary>
public sealed class Organization : ISearchable
{
    public const int MaxNameLength = 200;
    public const int MaxMissionLength = 1000;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxLogoBytes = 512 * 1024;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public LegalForm LegalForm { get; private set; }

    /// <summary>法人番号, when the organization is incorporated (validated by <see cref="CorporateNumber"/>).</summary>
    public string? CorporateNumber { get; private set; }

    /// <summary>中間支援組織: supports other civic organizations (e.g. a citizen-activity centre).</summary>
    public bool IsIntermediateSupport { get; private set; }

    public List<string> MunicipalityCodes { get; private set; } = [];

    /// <summary>Numbers of the NPO Act's fields of activity (1–20).</summary>
    public List<int> Fields { get; private set; } = [];

    public string Mission { get; private set; } = "";

    /// <summary>Markdown; rendered sanitized.</summary>
    public string Description { get; private set; } = "";

    public DateOnly? Founded { get; private set; }
    public string ContactEmail { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string Website { get; private set; } = "";

    /// <summary>Ways people can help this organization (ids of <see cref="Opportunities.WayToTakePart"/>).</summary>
    public List<int> WaysToHelp { get; private set; } = [];

    public byte[]? Logo { get; private set; }
    public string? LogoContentType { get; private set; }

    public VerificationStatus Verification { get; private set; } = VerificationStatus.Pending;
    public DateTimeOffset? VerifiedAt { get; private set; }
    public Guid? VerifiedBy { get; private set; }

    /// <summary>What the coordinator asked to change, shown to the organization's admins.</summary>
    public string VerificationNote { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public List<Membership> Memberships { get; private set; } = [];

    private Organization() { }

    public Organization(OrganizationProfile profile, Guid founderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CreatedAt = now;
        Update(profile, now);
        Memberships.Add(new Membership(Id, founderId, MembershipRole.Admin, now));
    }

    public void Update(OrganizationProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Name = profile.Name.Trim();
        Kana = profile.Kana.Trim();
        Kind = profile.Kind;
        LegalForm = profile.LegalForm;
        CorporateNumber = string.IsNullOrWhiteSpace(profile.CorporateNumber) ? null : profile.CorporateNumber.Trim();
        IsIntermediateSupport = profile.IsIntermediateSupport;
        MunicipalityCodes = profile.MunicipalityCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Fields = profile.Fields.Distinct().Order().ToList();
        Mission = profile.Mission.Trim();
        Description = profile.Description.Trim();
        Founded = profile.Founded;
        ContactEmail = profile.ContactEmail.Trim();
        ContactPhone = profile.ContactPhone.Trim();
        Website = profile.Website.Trim();
        WaysToHelp = profile.WaysToHelp.Distinct().Order().ToList();
        UpdatedAt = now;
    }

    public void SetLogo(byte[]? image, string? contentType, DateTimeOffset now)
    {
        Logo = image;
        LogoContentType = image is null ? null : contentType;
        UpdatedAt = now;
    }

    public void Verify(Guid coordinatorId, DateTimeOffset now)
    {
        Verification = VerificationStatus.Verified;
        VerifiedAt = now;
        VerifiedBy = coordinatorId;
        VerificationNote = "";
    }

    public void RequestChanges(Guid coordinatorId, string note, DateTimeOffset now)
    {
        Verification = VerificationStatus.ChangesRequested;
        VerifiedAt = null;
        VerifiedBy = coordinatorId;
        VerificationNote = note.Trim();
        UpdatedAt = now;
    }

    public bool IsAdmin(Guid accountId) => Memberships.Any(m => m.AccountId == accountId && m.Role == MembershipRole.Admin);

    public bool IsMember(Guid accountId) => Memberships.Any(m => m.AccountId == accountId);
}
