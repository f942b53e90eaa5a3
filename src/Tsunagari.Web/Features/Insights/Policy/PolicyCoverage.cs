using Tsunagari.Features.Collaboration;

namespace Tsunagari.Features.Insights.Policy;

/// <summary>Whether a row of the coverage matrix is one of the 24 challenges or one of the 27 pathways.</summary>
public enum CoverageRowKind
{
    Challenge,
    Pathway,
}

/// <summary>
/// One row of the coverage matrix: a challenge (grouped by its actor) or a pathway (grouped by its vision), with the
/// number of active initiatives in each of the five places (㉗, ㉘, ㉙ × its three stages) in
/// <see cref="Collaboration.Initiatives.InitiativeText.Places"/> order, and their total.
/// </summary>
public sealed record CoverageRow(CoverageRowKind Kind, int Number, string Group, string Text, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();

    /// <summary>No initiative works on it: 「施策なし」.</summary>
    public bool IsEmpty => Total == 0;
}

/// <summary>The part of an initiative the matrix counts: where it sits and what it works on.</summary>
public sealed record CoverageItem(InitiativeType Type, CollaborationStage? Stage, IReadOnlyCollection<int> Challenges, IReadOnlyCollection<int> Pathways);

/// <summary>
/// The policy registry's coverage matrix: which of the framework's challenges and pathways the active initiatives work
/// on, by type and stage. An initiative that names several challenges counts once in each of their rows, so a column
/// does not add up to the number of initiatives.
/// </summary>
public static class PolicyCoverage
{
    public static IReadOnlyList<(InitiativeType Type, CollaborationStage? Stage)> Places => Collaboration.Initiatives.InitiativeText.Places;

    public static IReadOnlyList<CoverageRow> Compute(IReadOnlyCollection<CoverageItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = new List<CoverageRow>(KyojoFramework.ChallengeCount + KyojoFramework.PathwayCount);
        foreach (var actor in KyojoFramework.Actors)
            foreach (var challenge in actor.Challenges)
                rows.Add(new CoverageRow(CoverageRowKind.Challenge, challenge.Number, actor.Name, challenge.Text,
                    Count(items.Where(i => i.Challenges.Contains(challenge.Number)))));
        foreach (var vision in KyojoFramework.Visions)
            foreach (var pathway in vision.Pathways)
                rows.Add(new CoverageRow(CoverageRowKind.Pathway, pathway.Number, vision.Name, pathway.Text,
                    Count(items.Where(i => i.Pathways.Contains(pathway.Number)))));
        return rows;
    }

    private static int[] Count(IEnumerable<CoverageItem> items)
    {
        var list = items.ToList();
        return [.. Places.Select(p => list.Count(i => i.Type == p.Type && i.Stage == p.Stage))];
    }
}
