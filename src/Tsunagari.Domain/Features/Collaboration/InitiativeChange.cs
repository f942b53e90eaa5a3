namespace Tsunagari.Features.Collaboration;

/// <summary>
/// One step in an initiative's history: its registration, a change of type or stage, a pilot continued, or its end, with
/// the reason.
/// </summary>
public sealed class InitiativeChange
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InitiativeId { get; private set; }

    /// <summary>Null on the registration entry.</summary>
    public InitiativeType? FromType { get; private set; }

    public CollaborationStage? FromStage { get; private set; }
    public InitiativeType ToType { get; private set; }
    public CollaborationStage? ToStage { get; private set; }

    /// <summary>The initiative was stopped here.</summary>
    public bool Ended { get; init; }

    public string Reason { get; private set; } = "";

    /// <summary>
    /// A pilot on the initiative was continued (<see cref="Initiative.ContinuePilot"/>): the only entry that neither
    /// registers, moves nor ends it, as a move always changes the type or stage.
    /// </summary>
    public bool PilotContinued => FromType is not null && !Ended && FromType == ToType && FromStage == ToStage;

    /// <summary>Null once the account is deleted.</summary>
    public Guid? ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    private InitiativeChange() { }

    public InitiativeChange(Guid initiativeId, InitiativeType? fromType, CollaborationStage? fromStage, InitiativeType toType,
        CollaborationStage? toStage, string reason, Guid changedBy, DateTimeOffset changedAt)
    {
        InitiativeId = initiativeId;
        FromType = fromType;
        FromStage = fromStage;
        ToType = toType;
        ToStage = toStage;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }
}
