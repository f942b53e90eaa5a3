namespace Tsunagari.Features.Organizations;

/// <summary>Names of the legal forms, as keys of the shared resource.</summary>
public static class LegalFormText
{
    public static string For(LegalForm form) => form switch
    {
        LegalForm.Unincorporated => "任意団体（法人格なし）",
        LegalForm.NpoCorporation => "特定非営利活動法人（NPO法人）",
        LegalForm.CertifiedNpoCorporation => "認定特定非営利活動法人（認定NPO法人）",
        LegalForm.GeneralIncorporatedAssociation => "一般社団法人",
        LegalForm.GeneralIncorporatedFoundation => "一般財団法人",
        LegalForm.PublicInterestCorporation => "公益社団法人・公益財団法人",
        LegalForm.AuthorizedNeighbourhoodAssociation => "認可地縁団体",
        LegalForm.SocialWelfareCorporation => "社会福祉法人",
        LegalForm.StockCompany => "株式会社",
        LegalForm.LimitedLiabilityCompany => "合同会社",
        LegalForm.Cooperative => "協同組合（信用金庫・信用組合を含む）",
        LegalForm.SchoolCorporation => "学校法人・国立大学法人",
        LegalForm.LocalGovernment => "地方公共団体",
        LegalForm.Other => "その他",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
