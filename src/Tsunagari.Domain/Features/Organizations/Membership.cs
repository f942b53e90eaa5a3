namespace Tsunagari.Features.Organizations;

/// <summary>A person's place in an organization, with the role that decides what they may do for it.</summary>
public sealed class Membership
{
    public Guid OrganizationId { get; private set; }
    public Guid AccountId { get; private set; }
    public MembershipRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    private Membership() { }

    public Membership(Guid organizationId, Guid accountId, MembershipRole role, DateTimeOffset joinedAt)
    {
        OrganizationId = organizationId;
        AccountId = accountId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public void ChangeRole(MembershipRole role) => Role = role;
}
