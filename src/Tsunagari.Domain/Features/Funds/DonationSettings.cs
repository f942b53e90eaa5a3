using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

/// <summary>
/// An organization's settings for taking donations: the bank account donors transfer to (振込先) and, when it may issue
/// receipts for tax deduction, the issuer details every receipt (寄附金受領証明書) carries. Copied onto each receipt when it
/// is issued, so later changes never alter a receipt.
/// </summary>
public sealed class DonationSettings
{
    public const int MaxTextLength = 200;

    public Guid OrganizationId { get; private set; }

    public string BankName { get; set; } = "";
    public string BranchName { get; set; } = "";
    public BankAccountType AccountType { get; set; } = BankAccountType.Ordinary;

    /// <summary>Seven digits, as Japanese bank accounts have.</summary>
    public string AccountNumber { get; set; } = "";

    /// <summary>The account holder's name as the bank has it (カナ).</summary>
    public string AccountHolder { get; set; } = "";

    public ReceiptIssuerKind ReceiptIssuer { get; set; } = ReceiptIssuerKind.None;

    /// <summary>The certification's number or the authority's document (e.g. 「千葉県指令○○第123号」).</summary>
    public string CertificationNumber { get; set; } = "";

    public DateOnly? CertifiedOn { get; set; }

    /// <summary>The certification's period end (認定の有効期間), after which no receipt may be issued.</summary>
    public DateOnly? CertificationEndsOn { get; set; }

    /// <summary>The issuer's address and representative as printed on a receipt.</summary>
    public string IssuerAddress { get; set; } = "";

    public string Representative { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    private DonationSettings() { }

    public DonationSettings(Guid organizationId, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        UpdatedAt = now;
    }

    /// <summary>Whether donors can be told where to transfer money.</summary>
    public bool TakesTransfers => BankName.Length > 0 && AccountNumber.Length > 0 && AccountHolder.Length > 0;

    /// <summary>Whether a receipt for money received on <paramref name="receivedOn"/> may be issued.</summary>
    public bool IssuesReceiptsFor(DateOnly receivedOn) =>
        ReceiptIssuer != ReceiptIssuerKind.None && CertificationNumber.Length > 0 && IssuerAddress.Length > 0
        && (CertifiedOn is not { } from || receivedOn >= from) && (CertificationEndsOn is not { } to || receivedOn <= to);

    /// <summary>The legal forms a kind of issuer must have: a certified NPO is a 認定NPO法人, and so on; "other" is any form.</summary>
    public static bool Fits(ReceiptIssuerKind kind, LegalForm form) => kind switch
    {
        ReceiptIssuerKind.CertifiedNpo => form == LegalForm.CertifiedNpoCorporation,
        ReceiptIssuerKind.ProvisionallyCertifiedNpo => form == LegalForm.NpoCorporation,
        ReceiptIssuerKind.PublicInterestCorporation => form == LegalForm.PublicInterestCorporation,
        _ => true,
    };
}

public enum BankAccountType
{
    /// <summary>普通預金</summary>
    Ordinary = 1,

    /// <summary>当座預金</summary>
    Current = 2,
}

/// <summary>Whether, and as what, an organization issues receipts for tax deduction.</summary>
public enum ReceiptIssuerKind
{
    /// <summary>Issues no receipts.</summary>
    None = 0,

    /// <summary>認定NPO法人</summary>
    CertifiedNpo = 1,

    /// <summary>特例認定NPO法人</summary>
    ProvisionallyCertifiedNpo = 2,

    /// <summary>公益社団法人・公益財団法人</summary>
    PublicInterestCorporation = 3,

    /// <summary>Another qualifying organization (e.g. a 社会福祉法人 as 特定公益増進法人), its qualification in the certification text.</summary>
    OtherQualifying = 4,
}
