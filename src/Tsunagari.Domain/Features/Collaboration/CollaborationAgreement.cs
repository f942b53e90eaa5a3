namespace Tsunagari.Features.Collaboration;

/// <summary>
/// The agreement (協定) of an adopted proposal: who does what, who bears which cost, the period, the place's
/// boundaries and the reporting duties. It is in force once both sides have signed; changing it asks both again.
/// </summary>
public sealed class CollaborationAgreement
{
    public const int MaxTextLength = 4000;
    public const int MaxResponsibilityLength = 500;
    public const int MaxRoles = 20;
    public const int MaxSignatoryLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }

    /// <summary>The role split: each responsibility and the side that carries it; both sides carry at least one.</summary>
    public List<AgreementRole> Roles { get; private set; } = [];

    /// <summary>The costs each side bears, in yen.</summary>
    public long GovernmentCost { get; private set; }

    public long PartnerCost { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    /// <summary>Where the pilot happens and where it stops (the 空間 of a time- and space-boxed pilot).</summary>
    public string PlaceBoundaries { get; private set; } = "";

    public string ReportingDuties { get; private set; } = "";

    /// <summary>The name (and title) signing for each side, who recorded it and when.</summary>
    public string GovernmentSignatory { get; private set; } = "";

    public Guid? GovernmentSignedBy { get; private set; }
    public DateTimeOffset? GovernmentSignedAt { get; private set; }
    public string PartnerSignatory { get; private set; } = "";
    public Guid? PartnerSignedBy { get; private set; }
    public DateTimeOffset? PartnerSignedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CollaborationAgreement() { }

    public CollaborationAgreement(Guid proposalId, AgreementDetails details, DateTimeOffset now)
    {
        ProposalId = proposalId;
        CreatedAt = now;
        Edit(details, now);
    }

    public bool InForce => GovernmentSignedAt is not null && PartnerSignedAt is not null;

    /// <summary>A changed agreement is no longer what was signed, so both signatures are cleared.</summary>
    public void Edit(AgreementDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (InForce) throw new InvalidOperationException("An agreement in force is not changed.");
        if (!HasBothParties(details.Roles)) throw new ArgumentException("An agreement gives each side at least one role.", nameof(details));
        if (details.GovernmentCost < 0 || details.PartnerCost < 0 || details.EndsOn < details.StartsOn)
            throw new ArgumentException("Costs are not negative and the period ends after it starts.", nameof(details));
        Roles = details.Roles.Select(r => r with { Responsibility = r.Responsibility.Trim() }).ToList();
        GovernmentCost = details.GovernmentCost;
        PartnerCost = details.PartnerCost;
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        PlaceBoundaries = details.PlaceBoundaries.ReplaceLineEndings("\n").Trim();
        ReportingDuties = details.ReportingDuties.ReplaceLineEndings("\n").Trim();
        (GovernmentSignatory, GovernmentSignedBy, GovernmentSignedAt) = ("", null, null);
        (PartnerSignatory, PartnerSignedBy, PartnerSignedAt) = ("", null, null);
        UpdatedAt = now;
    }

    public static bool HasBothParties(IEnumerable<AgreementRole> roles) =>
        roles.Any(r => r.Party == AgreementParty.Government) && roles.Any(r => r.Party == AgreementParty.Partner);

    /// <summary>Records one side's signature: the name of the person signing for it, recorded by the account.</summary>
    public void Sign(AgreementParty party, string signatory, Guid by, DateTimeOffset now)
    {
        var name = (signatory ?? "").Trim();
        if (name.Length is 0 or > MaxSignatoryLength) throw new ArgumentException("A signature names who signs.", nameof(signatory));
        switch (party)
        {
            case AgreementParty.Government: (GovernmentSignatory, GovernmentSignedBy, GovernmentSignedAt) = (name, by, now); break;
            case AgreementParty.Partner: (PartnerSignatory, PartnerSignedBy, PartnerSignedAt) = (name, by, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(party), party, "An agreement has two sides.");
        }
        UpdatedAt = now;
    }
}

/// <summary>The two sides of a collaboration: the government (the call's department) and the proposers.</summary>
public enum AgreementParty
{
    Government = 1,
    Partner = 2,
}

public sealed record AgreementRole(AgreementParty Party, string Responsibility);

public sealed record AgreementDetails(
    IReadOnlyList<AgreementRole> Roles,
    long GovernmentCost,
    long PartnerCost,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string PlaceBoundaries,
    string ReportingDuties);
