namespace Tsunagari.Features.Organizations;

/// <summary>Names of the membership roles, as keys of the shared resource.</summary>
public static class MembershipRoleText
{
    public static string For(MembershipRole role) => role switch
    {
        MembershipRole.Member => "メンバー",
        MembershipRole.Admin => "管理者",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
