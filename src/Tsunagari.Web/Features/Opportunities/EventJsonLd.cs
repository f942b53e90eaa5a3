using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Opportunities;

/// <summary>schema.org Event for an opportunity's page (search engines and other readers of structured data).</summary>
public static class EventJsonLd
{
    public static string Time(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, JapanTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>JSON whose "&lt;" is escaped, so it can sit inside a script element.</summary>
    public static string For(OpportunityView view, Uri pageUrl, Uri organizationUrl, Japan japan)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(japan);
        var o = view.Opportunity;
        var place = new JsonObject
        {
            ["@type"] = "Place",
            ["name"] = o.VenueName,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = o.VenueAddress,
                ["addressLocality"] = japan.Municipality(o.MunicipalityCode)?.Name ?? "",
                ["addressCountry"] = "JP",
            },
        };
        if (o.Latitude is { } lat && o.Longitude is { } lon)
            place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
        var virtualLocation = new JsonObject { ["@type"] = "VirtualLocation", ["url"] = pageUrl.ToString() };
        JsonNode location = o.IsOnline
            ? (o.VenueName.Length > 0 || o.VenueAddress.Length > 0 ? new JsonArray(virtualLocation, place) : virtualLocation)
            : place;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = o.Title,
            ["description"] = MarkdownHtml.Summary(o.Description, 500),
            ["url"] = pageUrl.ToString(),
            ["startDate"] = Time(o.StartsAt),
            ["endDate"] = Time(o.EndsAt),
            ["eventStatus"] = o.Status == OpportunityStatus.Cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = o.IsOnline
                ? (o.VenueName.Length > 0 || o.VenueAddress.Length > 0 ? "https://schema.org/MixedEventAttendanceMode" : "https://schema.org/OnlineEventAttendanceMode")
                : "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = location,
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = view.OrganizationName, ["url"] = organizationUrl.ToString() },
        };
        if (o.FeeYen is { } fee)
            json["offers"] = new JsonObject { ["@type"] = "Offer", ["price"] = fee, ["priceCurrency"] = "JPY", ["url"] = pageUrl.ToString() };
        if (o.Capacity is { } capacity) json["maximumAttendeeCapacity"] = capacity;
        if (o.Languages.Count > 0) json["inLanguage"] = new JsonArray(o.Languages.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        if (o.MinAge is not null || o.MaxAge is not null)
            json["typicalAgeRange"] = string.Create(CultureInfo.InvariantCulture, $"{o.MinAge}-{o.MaxAge}");
        // The default encoder escapes <, > and & as \u003C…, so the text cannot close the script element.
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
