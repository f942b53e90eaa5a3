namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>Names of the life stages, as keys of the shared resource.</summary>
public static class LifeStageText
{
    public static string For(LifeStage stage) => stage switch
    {
        LifeStage.Student => "学生",
        LifeStage.Working => "働いている",
        LifeStage.RaisingChildren => "子育て中",
        LifeStage.Retired => "退職・引退後",
        LifeStage.Other => "その他",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
