namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// The licence of the dashboards' open data (<c>Tsunagari:OpenData:Licence:Name</c> and <c>:Url</c>): CC BY 4.0 unless the
/// prefecture sets another. Shown on the open-data page, in the JSON and in the CSV's <c>Link: rel="license"</c> header.
/// </summary>
public sealed class FiguresLicence
{
    public const string Section = "Tsunagari:OpenData:Licence";

    public string Name { get; set; } = "CC BY 4.0";

    public Uri Url { get; set; } = new("https://creativecommons.org/licenses/by/4.0/deed.ja");
}
