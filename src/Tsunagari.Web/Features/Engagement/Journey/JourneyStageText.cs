namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>Names of the journey's stages (the glossary's), as keys of the shared resource; "—" for no stage yet.</summary>
public static class JourneyStageText
{
    public static string For(JourneyStage? stage) => stage switch
    {
        JourneyStage.Experience => "体験",
        JourneyStage.Participation => "参加",
        JourneyStage.CoPlanning => "参画",
        JourneyStage.Rooted => "地域での定着",
        _ => "—",
    };
}
