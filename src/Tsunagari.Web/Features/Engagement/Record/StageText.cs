namespace Tsunagari.Features.Engagement.Record;

/// <summary>Japanese labels (translated through the localizer) of the journey's stages.</summary>
public static class StageText
{
    public static string Of(JourneyStage? stage) => stage switch
    {
        JourneyStage.Experience => "体験",
        JourneyStage.Participation => "参加",
        JourneyStage.CoPlanning => "参画",
        JourneyStage.Rooted => "地域での定着",
        _ => "—",
    };
}
