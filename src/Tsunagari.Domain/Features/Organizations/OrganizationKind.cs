namespace Tsunagari.Features.Organizations;

/// <summary>The kinds of organized actor in the seed (共助社会づくり懇談会): every actor but the individual resident.</summary>
public enum OrganizationKind
{
    /// <summary>地縁組織（自治会・町内会）</summary>
    NeighbourhoodAssociation = 1,

    /// <summary>NPO等（NPO法人、一般社団・財団、任意団体など）</summary>
    Npo = 2,

    /// <summary>企業</summary>
    Company = 3,

    /// <summary>ソーシャルビジネス</summary>
    SocialBusiness = 4,

    /// <summary>地域金融機関</summary>
    RegionalFinancialInstitution = 5,

    /// <summary>教育機関（学校、大学）</summary>
    EducationalInstitution = 6,

    /// <summary>行政</summary>
    Government = 7,
}
