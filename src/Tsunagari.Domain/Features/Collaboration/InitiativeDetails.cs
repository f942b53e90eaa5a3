namespace Tsunagari.Features.Collaboration;

/// <summary>What the owner of an initiative writes; its type and stage change only with a reason (<see cref="Initiative.Move"/>).</summary>
public sealed record InitiativeDetails(
    string Title,
    string Summary,
    InitiativeOwnerKind OwnerKind,
    string OwnerName,
    Guid? OrganizationId,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<int> Fields,
    IReadOnlyList<int> Challenges,
    IReadOnlyList<int> Pathways,
    InitiativeType? TargetType,
    CollaborationStage? TargetStage,
    DateOnly? TargetDate);
