namespace Tsunagari.Features.Organizations;

public enum MembershipRole
{
    Member = 1,

    /// <summary>Edits the organization, publishes its opportunities and invites members.</summary>
    Admin = 2,
}
