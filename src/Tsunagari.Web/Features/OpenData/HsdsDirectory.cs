using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// Organizations and their published opportunities in the shape of Open Referral HSDS 3.0
/// (https://docs.openreferral.org/en/latest/hsds/schema_reference.html): an organization has services (our
/// opportunities), each service has schedules (RFC 5545 fields) and is delivered at locations.
/// </summary>
public sealed class HsdsDirectory(AppDbContext db, Japan japan)
{
    public sealed record Address(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("location_id")] string LocationId,
        [property: JsonPropertyName("address_1")] string Address1,
        [property: JsonPropertyName("city")] string City,
        [property: JsonPropertyName("region")] string Region,
        [property: JsonPropertyName("state_province")] string StateProvince,
        [property: JsonPropertyName("postal_code")] string PostalCode,
        [property: JsonPropertyName("country")] string Country,
        [property: JsonPropertyName("address_type")] string AddressType);

    public sealed record Location(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("location_type")] string LocationType,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("latitude")] double? Latitude,
        [property: JsonPropertyName("longitude")] double? Longitude,
        [property: JsonPropertyName("external_identifier")] string ExternalIdentifier,
        [property: JsonPropertyName("external_identifier_type")] string ExternalIdentifierType,
        [property: JsonPropertyName("addresses")] IReadOnlyList<Address> Addresses);

    public sealed record Schedule(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("service_id")] string ServiceId,
        [property: JsonPropertyName("valid_from")] string ValidFrom,
        [property: JsonPropertyName("valid_to")] string? ValidTo,
        [property: JsonPropertyName("dtstart")] string Dtstart,
        [property: JsonPropertyName("timezone")] int Timezone,
        [property: JsonPropertyName("until")] string? Until,
        [property: JsonPropertyName("count")] int? Count,
        [property: JsonPropertyName("wkst")] string? Wkst,
        [property: JsonPropertyName("freq")] string? Freq,
        [property: JsonPropertyName("interval")] int? Interval,
        [property: JsonPropertyName("byday")] string? Byday,
        [property: JsonPropertyName("bymonthday")] string? Bymonthday,
        [property: JsonPropertyName("opens_at")] string OpensAt,
        [property: JsonPropertyName("closes_at")] string ClosesAt,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("attending_type")] string AttendingType,
        [property: JsonPropertyName("notes")] string Notes);

    public sealed record ServiceAtLocation(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("service_id")] string ServiceId,
        [property: JsonPropertyName("location_id")] string LocationId);

    public sealed record Service(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("fees_description")] string FeesDescription,
        [property: JsonPropertyName("minimum_age")] int? MinimumAge,
        [property: JsonPropertyName("maximum_age")] int? MaximumAge,
        [property: JsonPropertyName("languages")] IReadOnlyList<Language> Languages,
        [property: JsonPropertyName("schedules")] IReadOnlyList<Schedule> Schedules,
        [property: JsonPropertyName("service_at_locations")] IReadOnlyList<ServiceAtLocation> ServiceAtLocations);

    public sealed record Language(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("service_id")] string ServiceId,
        [property: JsonPropertyName("code")] string Code);

    public sealed record Organization(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("alternate_name")] string AlternateName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("website")] string Website,
        [property: JsonPropertyName("tax_id")] string? TaxId,
        [property: JsonPropertyName("year_incorporated")] int? YearIncorporated,
        [property: JsonPropertyName("legal_status")] string LegalStatus,
        [property: JsonPropertyName("services")] IReadOnlyList<Service> Services,
        [property: JsonPropertyName("locations")] IReadOnlyList<Location> Locations);

    public async Task<IReadOnlyList<Organization>> RunAsync(Uri baseUrl, CancellationToken cancellationToken) =>
        [.. await OrganizationsAsync(baseUrl, cancellationToken)];

    /// <summary>The directory as JSON written to <paramref name="output"/>, each organization made as it is written.</summary>
    public async Task WriteAsync(Uri baseUrl, Stream output, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(output, await OrganizationsAsync(baseUrl, cancellationToken), Json, cancellationToken);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<IEnumerable<Organization>> OrganizationsAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kana, o.Mission, o.ContactEmail, o.Website, o.CorporateNumber, o.Founded, o.LegalForm })
            .ToListAsync(cancellationToken);
        var opportunities = (await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published).OrderBy(o => o.StartsAt).ToListAsync(cancellationToken))
            .ToLookup(o => o.OrganizationId);
        return organizations.Select(org =>
        {
            var services = new List<Service>();
            var locations = new List<Location>();
            foreach (var o in opportunities[org.Id])
            {
                var id = o.Id.ToString();
                var location = LocationOf(o, org.Id.ToString(), baseUrl);
                locations.Add(location);
                services.Add(new Service(
                    id, org.Id.ToString(), o.Title, MarkdownHtml.PlainText(o.Description), new Uri(baseUrl, $"/opportunities/{o.Id}").ToString(),
                    o.ContactEmail, "active", o.FeeYen?.ToString("0", CultureInfo.InvariantCulture) is { } fee ? $"{fee} JPY" : "",
                    o.MinAge, o.MaxAge,
                    o.Languages.Select((code, i) => new Language($"{id}-lang-{i}", id, code)).ToList(),
                    [ScheduleOf(o)],
                    [new ServiceAtLocation($"{id}-at-{location.Id}", id, location.Id)]));
            }
            return new Organization(
                org.Id.ToString(), org.Name, org.Kana, org.Mission, org.ContactEmail, org.Website, org.CorporateNumber,
                org.Founded?.Year, org.LegalForm.ToString(), services, locations);
        });
    }

    private Location LocationOf(Opportunity o, string organizationId, Uri baseUrl)
    {
        var id = $"{o.Id}-location";
        var municipality = japan.Municipality(o.MunicipalityCode);
        var parent = municipality?.ParentCode is { } p ? japan.Municipality(p) : null;
        var prefecture = municipality is null ? null : japan.Prefecture(municipality.PrefectureCode);
        var physical = !o.IsOnline || o.VenueName.Length > 0 || o.VenueAddress.Length > 0;
        IReadOnlyList<Address> addresses = physical
            ? [new Address($"{id}-address", id, o.VenueAddress, (parent?.Name ?? "") + (municipality?.Name ?? ""), "", prefecture?.Name ?? "", "", "JP", "physical")]
            : [];
        return new Location(
            id, physical ? "physical" : "virtual", physical ? null : new Uri(baseUrl, $"/opportunities/{o.Id}").ToString(), organizationId,
            o.VenueName, o.Latitude, o.Longitude, o.MunicipalityCode, "jp-local-government-code", addresses);
    }

    private static Schedule ScheduleOf(Opportunity o)
    {
        var start = TimeZoneInfo.ConvertTime(o.StartsAt, JapanTime.Zone);
        var end = TimeZoneInfo.ConvertTime(o.EndsAt, JapanTime.Zone);
        var pattern = Recurrence.Parse(o.RecurrenceRule);
        static string Day(Ical.Net.DataTypes.WeekDay d) =>
            (d.Offset is { } n ? n.ToString(CultureInfo.InvariantCulture) : "") + d.DayOfWeek.ToString()[..2].ToUpperInvariant();
        return new Schedule(
            $"{o.Id}-schedule", o.Id.ToString(),
            start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            pattern is null ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            start.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
            (int)start.Offset.TotalHours,
            pattern?.Until is { } until ? until.Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : null,
            pattern?.Count,
            pattern is null ? null : "MO",
            pattern is null ? null : pattern.Frequency.ToString().ToUpperInvariant(),
            pattern?.Interval,
            pattern is null || pattern.ByDay.Count == 0 ? null : string.Join(',', pattern.ByDay.Select(Day)),
            pattern is null || pattern.ByMonthDay.Count == 0 ? null : string.Join(',', pattern.ByMonthDay.Select(d => d.ToString(CultureInfo.InvariantCulture))),
            start.ToString("HH:mm", CultureInfo.InvariantCulture),
            end.ToString("HH:mm", CultureInfo.InvariantCulture),
            pattern is null ? "" : $"RRULE:{o.RecurrenceRule}",
            o.IsOnline ? (o.VenueName.Length > 0 || o.VenueAddress.Length > 0 ? "in_person,online" : "online") : "in_person",
            o.RecurrenceExceptions.Count == 0 ? "" : "EXDATE:" + string.Join(',', o.RecurrenceExceptions.Select(d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture))));
    }
}
