namespace Tsunagari.Features.Funds;

/// <summary>
/// A receipt for tax deduction (寄附金受領証明書) for one received donation of money. It copies every required item when
/// it is issued (the organization and its certification, the donor's name and address, the amount, the date of receipt,
/// the purpose), so that it never changes afterwards: nothing here can be edited. Numbered per organization and calendar
/// year of receipt (<c>2026-0001</c>); a reissue (再発行) keeps the number and is marked as such when printed.
/// </summary>
public sealed class DonationReceipt
{
    public const int MaxPurposeLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid DonationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid? DonorId { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }

    public string IssuerName { get; private set; } = "";
    public ReceiptIssuerKind IssuerKind { get; private set; }
    public string CertificationNumber { get; private set; } = "";
    public DateOnly? CertifiedOn { get; private set; }
    public string IssuerAddress { get; private set; } = "";
    public string Representative { get; private set; } = "";

    public string DonorName { get; private set; } = "";
    public string DonorAddress { get; private set; } = "";
    public decimal Amount { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string Purpose { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }
    public int ReissueCount { get; private set; }
    public DateTimeOffset? LastReissuedAt { get; private set; }

    private DonationReceipt() { }

    /// <summary>The receipt for <paramref name="donation"/>, number <paramref name="sequence"/> of its organization's year.</summary>
    public DonationReceipt(Donation donation, string issuerName, DonationSettings issuer, int sequence, string purpose, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(donation);
        ArgumentNullException.ThrowIfNull(issuer);
        if (donation.Status != DonationStatus.Received || donation.ReceivedOn is not { } on || !donation.IsMoney)
            throw new InvalidOperationException("A receipt is for money received.");
        DonationId = donation.Id;
        OrganizationId = donation.OrganizationId;
        DonorId = donation.DonorId;
        Year = on.Year;
        Sequence = sequence;
        IssuerName = issuerName;
        IssuerKind = issuer.ReceiptIssuer;
        CertificationNumber = issuer.CertificationNumber;
        CertifiedOn = issuer.CertifiedOn;
        IssuerAddress = issuer.IssuerAddress;
        Representative = issuer.Representative;
        DonorName = donation.DonorName;
        DonorAddress = donation.DonorAddress;
        Amount = donation.Amount;
        ReceivedOn = on;
        Purpose = purpose.Length <= MaxPurposeLength ? purpose : purpose[..MaxPurposeLength];
        IssuedAt = now;
    }

    public string Number => $"{Year}-{Sequence:0000}";

    public bool IsReissued => ReissueCount > 0;

    /// <summary>Prints it again: same number and content, marked 再発行.</summary>
    public void Reissue(DateTimeOffset now)
    {
        ReissueCount++;
        LastReissuedAt = now;
    }

    /// <summary>The donor's erasure: the issuer must keep its copy (a tax record), so the receipt stays without the account.</summary>
    public void ForgetDonor() => DonorId = null;
}
