using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// schema.org Organization as JSON-LD for search engines. The encoder escapes &lt; and &gt;, so the text
/// cannot close the script element it is written into.
/// </summary>
public static class OrganizationJsonLd
{
    // Japanese stays readable; the encoder still escapes <, >, & and quotes, whatever the ranges allowed.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string For(Organization organization, string url, string? logoUrl, Japan japan)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(japan);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = organization.Kind == OrganizationKind.Government ? "GovernmentOrganization"
                : organization.Kind == OrganizationKind.EducationalInstitution ? "EducationalOrganization"
                : organization.Kind == OrganizationKind.Npo ? "NGO"
                : "Organization",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = organization.Name,
            ["alternateName"] = organization.Kana,
            ["description"] = string.IsNullOrEmpty(organization.Mission) ? null : organization.Mission,
            ["logo"] = logoUrl,
            ["foundingDate"] = organization.Founded?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["email"] = string.IsNullOrEmpty(organization.ContactEmail) ? null : organization.ContactEmail,
            ["telephone"] = string.IsNullOrEmpty(organization.ContactPhone) ? null : organization.ContactPhone,
            ["sameAs"] = string.IsNullOrEmpty(organization.Website) ? null : organization.Website,
            // 法人番号 is Japan's official corporate identifier; schema.org's taxID is the closest property.
            ["taxID"] = organization.CorporateNumber,
            ["areaServed"] = organization.MunicipalityCodes
                .Select(c => japan.Municipality(c)?.Name)
                .Where(n => n is not null)
                .Select(n => new Dictionary<string, string>(StringComparer.Ordinal) { ["@type"] = "City", ["name"] = n! })
                .ToList(),
        };
        return JsonSerializer.Serialize(data.Where(p => p.Value is not null).ToDictionary(StringComparer.Ordinal), Options);
    }
}
