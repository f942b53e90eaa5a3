namespace Tsunagari.Features.Organizations;

/// <summary>An organization's legal form, separate from its kind (an NPO may be a 任意団体 or an NPO法人).</summary>
public enum LegalForm
{
    /// <summary>任意団体（法人格なし）</summary>
    Unincorporated = 1,

    /// <summary>特定非営利活動法人（NPO法人）</summary>
    NpoCorporation = 2,

    /// <summary>認定特定非営利活動法人（認定NPO法人）</summary>
    CertifiedNpoCorporation = 3,

    /// <summary>一般社団法人</summary>
    GeneralIncorporatedAssociation = 4,

    /// <summary>一般財団法人</summary>
    GeneralIncorporatedFoundation = 5,

    /// <summary>公益社団法人・公益財団法人</summary>
    PublicInterestCorporation = 6,

    /// <summary>認可地縁団体</summary>
    AuthorizedNeighbourhoodAssociation = 7,

    /// <summary>社会福祉法人</summary>
    SocialWelfareCorporation = 8,

    /// <summary>株式会社</summary>
    StockCompany = 9,

    /// <summary>合同会社</summary>
    LimitedLiabilityCompany = 10,

    /// <summary>協同組合（信用金庫・信用組合を含む）</summary>
    Cooperative = 11,

    /// <summary>学校法人・国立大学法人</summary>
    SchoolCorporation = 12,

    /// <summary>地方公共団体</summary>
    LocalGovernment = 13,

    /// <summary>その他</summary>
    Other = 99,
}
