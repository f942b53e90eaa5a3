namespace Tsunagari.Features.Organizations;

/// <summary>Names of the kinds of organization, as keys of the shared resource.</summary>
public static class OrganizationKindText
{
    public static string For(OrganizationKind kind) => kind switch
    {
        OrganizationKind.NeighbourhoodAssociation => "地縁組織（自治会・町内会）",
        OrganizationKind.Npo => "NPO等",
        OrganizationKind.Company => "企業",
        OrganizationKind.SocialBusiness => "ソーシャルビジネス",
        OrganizationKind.RegionalFinancialInstitution => "地域金融機関",
        OrganizationKind.EducationalInstitution => "教育機関（学校・大学）",
        OrganizationKind.Government => "行政",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
