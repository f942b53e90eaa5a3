namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>Names and explanations of the visibility choices, as keys of the shared resource.</summary>
public static class ProfileVisibilityText
{
    public static string For(ProfileVisibility visibility) => visibility switch
    {
        ProfileVisibility.Private => "自分だけ",
        ProfileVisibility.Organizations => "参加している団体",
        ProfileVisibility.Public => "公開",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, null),
    };

    public static string Explain(ProfileVisibility visibility) => visibility switch
    {
        ProfileVisibility.Private => "プロフィールはあなただけが見られます。",
        ProfileVisibility.Organizations => "あなたがメンバーの団体や、活動に申し込んだ団体の管理者が見られます。",
        ProfileVisibility.Public => "誰でも見られます。",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, null),
    };
}
