using Tsunagari.Platform;

namespace Tsunagari.Features.Opportunities;

/// <summary>An opportunity as the API returns it; times carry the Japan offset (+09:00).</summary>
public sealed record OpportunityItem(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    string Description,
    string Status,
    string CancellationReason,
    string MunicipalityCode,
    bool IsOnline,
    string VenueName,
    string VenueAddress,
    double? Latitude,
    double? Longitude,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? RecurrenceRule,
    IReadOnlyList<DateOnly> RecurrenceExceptions,
    int? Capacity,
    DateTimeOffset? ApplicationDeadline,
    decimal? FeeYen,
    string ContactEmail,
    string ContactPhone,
    IReadOnlyList<string> Languages,
    int? MinAge,
    int? MaxAge,
    IReadOnlyList<string> Accessibility,
    IReadOnlyList<string> Ways,
    IReadOnlyList<int> Fields,
    string Url)
{
    public static OpportunityItem From(OpportunityView view, IReadOnlyList<WayToTakePart> ways)
    {
        ArgumentNullException.ThrowIfNull(view);
        var o = view.Opportunity;
        static DateTimeOffset Japan(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, JapanTime.Zone);
        return new(
            o.Id, view.OrganizationId, view.OrganizationName, o.Title, o.Description, o.Status.ToString().ToLowerInvariant(), o.CancellationReason,
            o.MunicipalityCode, o.IsOnline, o.VenueName, o.VenueAddress, o.Latitude, o.Longitude,
            Japan(o.StartsAt), Japan(o.EndsAt), o.RecurrenceRule, o.RecurrenceExceptions,
            o.Capacity, o.ApplicationDeadline is { } d ? Japan(d) : null, o.FeeYen, o.ContactEmail, o.ContactPhone, o.Languages,
            o.MinAge, o.MaxAge, AccessibilityText.In(o.Accessibility).Select(f => f.ToString()).ToList(),
            ListWays.Of(o.Ways, ways).Select(w => w.Key).ToList(), o.Fields, $"/opportunities/{o.Id}");
    }
}
