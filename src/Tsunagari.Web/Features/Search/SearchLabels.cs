using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Search;

/// <summary>Japanese names of the facet values that are enums, as keys of the shared resource.</summary>
public static class SearchLabels
{
    public static string Kind(string key) => Enum.TryParse<OrganizationKind>(key, out var kind) ? kind switch
    {
        OrganizationKind.NeighbourhoodAssociation => "地縁組織（自治会・町内会）",
        OrganizationKind.Npo => "NPO等",
        OrganizationKind.Company => "企業",
        OrganizationKind.SocialBusiness => "ソーシャルビジネス",
        OrganizationKind.RegionalFinancialInstitution => "地域金融機関",
        OrganizationKind.EducationalInstitution => "教育機関",
        OrganizationKind.Government => "行政",
        _ => key,
    } : key;

    public static string Access(string key) => Enum.TryParse<AccessibilityFeatures>(key, out var feature) ? feature switch
    {
        AccessibilityFeatures.Wheelchair => "車いすで参加できる",
        AccessibilityFeatures.HearingSupport => "聴覚サポート",
        AccessibilityFeatures.SignLanguage => "手話通訳あり",
        AccessibilityFeatures.Childcare => "託児あり",
        AccessibilityFeatures.EasyJapanese => "やさしい日本語",
        AccessibilityFeatures.Seating => "座って参加できる",
        AccessibilityFeatures.Online => "オンラインで参加できる",
        _ => key,
    } : key;
}
