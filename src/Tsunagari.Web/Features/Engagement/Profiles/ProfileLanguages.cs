namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// The languages a person can say they take part in: BCP 47 tags of Japanese and the languages most spoken by
/// foreign residents in Japan, so the list stays short enough for checkboxes.
/// </summary>
public static class ProfileLanguages
{
    public sealed record Language(string Tag, string Name);

    public static IReadOnlyList<Language> All { get; } =
    [
        new("ja", "日本語"),
        new("en", "英語"),
        new("zh", "中国語"),
        new("ko", "韓国語"),
        new("vi", "ベトナム語"),
        new("pt", "ポルトガル語"),
        new("es", "スペイン語"),
        new("tl", "タガログ語（フィリピノ語）"),
        new("ne", "ネパール語"),
        new("id", "インドネシア語"),
        new("th", "タイ語"),
        new("my", "ミャンマー語"),
    ];

    public static Language? Find(string? tag) =>
        tag is null ? null : All.FirstOrDefault(l => string.Equals(l.Tag, tag.Trim(), StringComparison.OrdinalIgnoreCase));
}
