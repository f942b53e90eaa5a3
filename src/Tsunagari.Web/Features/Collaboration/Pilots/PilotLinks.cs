namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>The addresses of the pages after adoption.</summary>
public static class PilotLinks
{
    public static string Agreement(Guid proposalId) => $"/collaboration/proposals/{proposalId}/agreement";

    public static string Pilot(Guid pilotId) => $"/collaboration/pilots/{pilotId}";

    public static string Evaluation(Guid pilotId) => $"/collaboration/pilots/{pilotId}/evaluation";

    public static string Proposal(Guid proposalId) => $"/collaboration/proposals/{proposalId}";

    public const string Results = "/collaboration/results";
}
