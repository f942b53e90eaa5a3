using Microsoft.Extensions.Localization;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>The registry's own labels (localization keys); the type, stage and owner-kind names are <see cref="CollaborationText"/>'s.</summary>
public static class InitiativeText
{
    public const int MinAssessment = 1;
    public const int MaxAssessment = 4;

    /// <summary>The owner's self-assessment of how far the government's role is played, 1 to 4.</summary>
    public static string Assessment(int level) => level switch
    {
        1 => "まだ取り組めていない",
        2 => "始めている",
        3 => "一部できている",
        _ => "十分できている",
    };

    /// <summary>The five places of the government matrix, in the seed's order: ㉗, ㉘, then ㉙'s three stages.</summary>
    public static IReadOnlyList<(InitiativeType Type, CollaborationStage? Stage)> Places { get; } =
    [
        (InitiativeType.ByResidents, null),
        (InitiativeType.ByGovernment, null),
        (InitiativeType.Together, CollaborationStage.SupportingActors),
        (InitiativeType.Together, CollaborationStage.Pilot),
        (InitiativeType.Together, CollaborationStage.System),
    ];

    /// <summary>
    /// The reasons the platform writes into an initiative's history itself (stored in Japanese, the registry's language).
    /// <see cref="Pilots.DecidePilot"/> writes none of its own: its entries carry the decision's reasons as staff wrote them.
    /// </summary>
    public static IReadOnlySet<string> SystemReasons { get; } = new HashSet<string>(StringComparer.Ordinal) { Pilots.StartPilot.Reason };

    /// <summary>A history entry's reason: the platform's own in the request's language, a person's as they wrote it, "—" when none.</summary>
    public static string Reason(IStringLocalizer localizer, InitiativeChange change)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Reason.Length == 0) return "—";
        return SystemReasons.Contains(change.Reason) ? localizer[change.Reason] : change.Reason;
    }

    /// <summary>「㉙ 協働の試行」 in the request's language: the mark, then the stage's (or for ㉗ and ㉘ the type's) translated name.</summary>
    public static string Place(IStringLocalizer localizer, InitiativeType type, CollaborationStage? stage)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var name = stage is { } s ? CollaborationText.For(s) : CollaborationText.For(type);
        return $"{CollaborationText.Mark(type)} {localizer[name]}";
    }
}
