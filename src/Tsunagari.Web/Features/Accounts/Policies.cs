namespace Tsunagari.Features.Accounts;

public static class Policies
{
    /// <summary>Coordinators and prefecture admins, signed in with two factors.</summary>
    public const string Staff = nameof(Staff);

    public const string PrefectureAdmin = nameof(PrefectureAdmin);

    /// <summary>Any signed-in person, by cookie or personal access token.</summary>
    public const string Api = nameof(Api);
}
