namespace Tsunagari.Features.Engagement;

/// <summary>A person who helps organise an opportunity beside its organization's admins (a sign of the co-planning stage).</summary>
public sealed class CoOrganizer
{
    public Guid OpportunityId { get; private set; }

    /// <summary>The opportunity's organization, whose journey the co-organiser's role counts for.</summary>
    public Guid OrganizationId { get; private set; }

    public Guid AccountId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    private CoOrganizer() { }

    public CoOrganizer(Guid opportunityId, Guid organizationId, Guid accountId, DateTimeOffset addedAt)
    {
        OpportunityId = opportunityId;
        OrganizationId = organizationId;
        AccountId = accountId;
        AddedAt = addedAt;
    }
}
