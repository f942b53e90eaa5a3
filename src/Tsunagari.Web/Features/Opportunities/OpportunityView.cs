using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Opportunities;

/// <summary>An opportunity with what its pages show beside it.</summary>
public sealed record OpportunityView(Opportunity Opportunity, Guid OrganizationId, string OrganizationName, IReadOnlyList<WayToTakePart> Ways)
{
    public static OpportunityView Of(Opportunity opportunity, Organization organization, IReadOnlyList<WayToTakePart> allWays)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        ArgumentNullException.ThrowIfNull(organization);
        return new(opportunity, organization.Id, organization.Name, ListWays.Of(opportunity.Ways, allWays));
    }
}
