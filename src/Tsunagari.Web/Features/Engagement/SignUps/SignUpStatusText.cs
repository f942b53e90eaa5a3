namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>Japanese labels (localization keys) of a sign-up's status.</summary>
public static class SignUpStatusText
{
    public static string For(SignUpStatus status) => status switch
    {
        SignUpStatus.Pending => "承認待ち",
        SignUpStatus.Confirmed => "参加確定",
        SignUpStatus.Waitlisted => "キャンセル待ち",
        SignUpStatus.Cancelled => "取り消し",
        SignUpStatus.Declined => "承認されませんでした",
        _ => "不明",
    };
}
