namespace Tsunagari.Features.Regions;

/// <summary>One of Japan's 47 prefectures (都道府県) with its municipalities in the order of their codes.</summary>
public sealed record Prefecture(string Code, string Name, string Kana, IReadOnlyList<Municipality> Municipalities);
