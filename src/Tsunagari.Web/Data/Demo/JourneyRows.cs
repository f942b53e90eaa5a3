using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;

namespace Tsunagari.Data.Demo;

/// <summary>
/// The journeys and stage transitions of generated participation, as rows for the bulk path: two passes over
/// <see cref="GenerateParticipation.Journeys"/> (one per table, as PostgreSQL copies one table at a time), so millions of
/// rows are never held at once.
/// </summary>
internal sealed class JourneyRows(GenerateParticipation generate, Func<Guid, string> fallbackMunicipality, JourneyOptions options)
{
    /// <summary>Journeys written by the last pass over <see cref="Journeys"/>.</summary>
    public int Count { get; private set; }

    public IEnumerable<Journey> Journeys()
    {
        Count = 0;
        foreach (var (accountId, organizationId, outcome) in generate.Journeys(fallbackMunicipality, options))
        {
            var journey = new Journey(accountId, organizationId);
            UpdateJourneys.Apply(journey, outcome);
            Count++;
            yield return journey;
        }
    }

    public IEnumerable<StageTransition> Transitions() =>
        generate.Journeys(fallbackMunicipality, options)
            .SelectMany(j => UpdateJourneys.NewTransitions(j.AccountId, j.OrganizationId, j.Outcome, Nothing));

    private static readonly IReadOnlySet<JourneyStage> Nothing = new HashSet<JourneyStage>();
}
