namespace Tsunagari.Features.Accounts;

/// <summary>Platform-wide roles. Organization roles come from memberships, not from here.</summary>
public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string Coordinator = nameof(Coordinator);
    public const string PrefectureAdmin = nameof(PrefectureAdmin);

    public static readonly IReadOnlyList<string> All = [Resident, Coordinator, PrefectureAdmin];

    /// <summary>Staff roles see other people's data and must sign in with two factors.</summary>
    public static readonly IReadOnlyList<string> Staff = [Coordinator, PrefectureAdmin];

    /// <summary>The role's name as people know it (Japanese; the UI translates it).</summary>
    public static string Label(string role) => role switch
    {
        Resident => "県民",
        Coordinator => "コーディネーター",
        PrefectureAdmin => "県の管理者",
        _ => role,
    };
}
