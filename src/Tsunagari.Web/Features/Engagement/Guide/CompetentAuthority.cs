using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Guide;

/// <summary>
/// 所轄庁 (the competent authority) of an NPO法人, by the NPO Act art. 9: the governor of the prefecture of its principal
/// office, except that one whose offices are all within one designated city (政令指定都市) has that city's mayor. Given
/// the municipality of a group's only office, that is the designated city for the city and its wards, else the prefecture.
/// </summary>
public sealed record CompetentAuthority(string Code, string Name, bool IsDesignatedCity)
{
    /// <summary>The office holder's title with {0} for <see cref="Name"/> (千葉市長, 千葉県知事), as a key of the shared resource.</summary>
    public string TitleFormat => IsDesignatedCity ? "{0}長" : "{0}知事";

    public static CompetentAuthority? For(Japan japan, string? municipalityCode)
    {
        ArgumentNullException.ThrowIfNull(japan);
        if (japan.Municipality(municipalityCode) is not { } municipality) return null;
        var city = municipality.ParentCode is { } parent ? japan.Municipality(parent) : municipality;
        if (city is { IsDesignatedCity: true }) return new CompetentAuthority(city.Code, city.Name, true);
        return japan.Prefecture(municipality.PrefectureCode) is { } prefecture ? new CompetentAuthority(prefecture.Code, prefecture.Name, false) : null;
    }
}
