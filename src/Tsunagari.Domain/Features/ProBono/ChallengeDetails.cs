namespace Tsunagari.Features.ProBono;

/// <summary>Everything an organization writes about its challenge, validated by the web layer before it reaches the entity.</summary>
public sealed record ChallengeDetails(
    string Title,
    string Situation,
    string Problem,
    string Goal,
    DeliverableKind Deliverable,
    IReadOnlyList<ChallengeRole> Roles,
    int HoursPerWeek,
    DateOnly StartsOn,
    DateOnly EndsOn,
    WorkMode Mode,
    string? MunicipalityCode,
    int? Field);
