using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>The activity record as <c>GET /api/v1/me/record</c> returns it (stages by name, with their label).</summary>
public sealed record RecordItem(
    int Activities,
    decimal Hours,
    IReadOnlyList<ActivityRecord.Activity> Timeline,
    IReadOnlyList<ActivityRecord.FieldTotal> ByField,
    IReadOnlyList<RecordItem.OrganizationItem> ByOrganization,
    IReadOnlyList<ActivityRecord.IssuedCertificate> Certificates)
{
    /// <summary><paramref name="Stage"/> is Experience, Participation, CoPlanning, Rooted, or null when not computed yet.</summary>
    public sealed record OrganizationItem(Guid Id, string Name, int Activities, decimal Hours, string? Stage, string StageLabel, DateTimeOffset? StageSince);

    public static RecordItem From(ActivityRecord record, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(l);
        return new(record.Activities, record.Hours, record.Timeline, record.ByField,
            [.. record.ByOrganization.Select(o => new OrganizationItem(o.Id, o.Name, o.Activities, o.Hours, o.Stage?.ToString(), l[JourneyStageText.For(o.Stage)], o.StageSince))],
            record.Certificates);
    }
}
