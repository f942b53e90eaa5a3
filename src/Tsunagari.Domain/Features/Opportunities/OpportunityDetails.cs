namespace Tsunagari.Features.Opportunities;

/// <summary>What an organization's admins edit about an opportunity (the page form and the API share it).</summary>
public sealed record OpportunityDetails(
    string Title,
    string Description,
    IReadOnlyList<int> Fields,
    IReadOnlyList<int> Ways,
    string MunicipalityCode,
    bool IsOnline,
    string VenueName,
    string VenueAddress,
    double? Latitude,
    double? Longitude,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
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
    AccessibilityFeatures Accessibility);
