namespace Tsunagari.Features.Engagement.Record;

/// <summary>A person's activity record (活動記録): what they did, the totals, their stage with each organization.</summary>
public sealed record ActivityRecord(
    IReadOnlyList<ActivityRecord.Activity> Timeline,
    int Activities,
    decimal Hours,
    IReadOnlyList<ActivityRecord.FieldTotal> ByField,
    IReadOnlyList<ActivityRecord.OrganizationTotal> ByOrganization,
    IReadOnlyList<ActivityRecord.IssuedCertificate> Certificates)
{
    /// <summary>An attended sign-up ("signup") or an approved hours report ("hours").</summary>
    public sealed record Activity(string Kind, Guid Id, DateOnly Date, string Title, Guid? OpportunityId, Guid OrganizationId, string Organization, decimal Hours, IReadOnlyList<int> Fields);

    public sealed record FieldTotal(int Field, string Name, int Activities, decimal Hours);

    /// <summary><paramref name="Stage"/> is null until the journey has been computed for the pair.</summary>
    public sealed record OrganizationTotal(Guid Id, string Name, int Activities, decimal Hours, JourneyStage? Stage, DateTimeOffset? StageSince);

    public sealed record IssuedCertificate(Guid Id, string Number, Guid OrganizationId, string Organization, DateOnly From, DateOnly To, decimal Hours, DateTimeOffset IssuedAt);
}
