namespace Tsunagari.Features.Funds.Donations;

/// <summary>The Japanese names (localization keys) of the donations vocabulary shared by its pages.</summary>
public static class DonationsText
{
    /// <summary>How an anonymous donor appears on ledgers and public pages, stored in Japanese like every ledger name.</summary>
    public const string Anonymous = "匿名";

    public static string For(DonationStatus status) => status switch
    {
        DonationStatus.Expected => "入金待ち",
        DonationStatus.Received => "受領済み",
        _ => "取りやめ",
    };

    public static string For(DonationPlanStatus status) => status switch
    {
        DonationPlanStatus.Active => "継続中",
        DonationPlanStatus.Paused => "休止中",
        _ => "停止",
    };

    public static string For(DonationMethod method) => method switch
    {
        DonationMethod.BankTransfer => "銀行振込",
        DonationMethod.Cash => "現金",
        _ => "現物寄附",
    };

    public static string For(DonationTarget target) => target switch
    {
        DonationTarget.Organization => "団体",
        DonationTarget.Campaign => "キャンペーン",
        _ => "基金",
    };

    public static string For(BankAccountType type) => type switch
    {
        BankAccountType.Ordinary => "普通",
        _ => "当座",
    };

    public static string For(ReceiptIssuerKind kind) => kind switch
    {
        ReceiptIssuerKind.None => "発行しない",
        ReceiptIssuerKind.CertifiedNpo => "認定NPO法人",
        ReceiptIssuerKind.ProvisionallyCertifiedNpo => "特例認定NPO法人",
        ReceiptIssuerKind.PublicInterestCorporation => "公益社団法人・公益財団法人",
        _ => "その他の寄附金控除の対象となる法人",
    };

    /// <summary>The receipt's purpose line: the donor's designation, or the campaign's or fund's name, or the general work.</summary>
    public static string Purpose(string designation, string? campaignOrFund) =>
        designation.Length > 0 ? designation : campaignOrFund is { Length: > 0 } name ? name : "団体の活動全般";
}
