namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>Names of the journey's stages, as keys of the shared resource.</summary>
public static class JourneyStageText
{
    public static string For(JourneyStage stage) => stage switch
    {
        JourneyStage.Experience => "体験",
        JourneyStage.Participation => "参加",
        JourneyStage.CoPlanning => "参画",
        JourneyStage.Rooted => "定着",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
