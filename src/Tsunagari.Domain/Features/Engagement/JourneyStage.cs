namespace Tsunagari.Features.Engagement;

/// <summary>How deep a person's involvement with an organization has grown, in the seed's order.</summary>
public enum JourneyStage
{
    /// <summary>First participation.</summary>
    Experience = 1,

    /// <summary>Repeat participation.</summary>
    Participation = 2,

    /// <summary>Takes an organising role.</summary>
    CoPlanning = 3,

    /// <summary>Active in the region steadily and for long.</summary>
    Rooted = 4,
}

/// <summary>Why a person reached a stage.</summary>
public enum StageCause
{
    FirstAttendance = 1,
    RepeatAttendance = 2,
    Membership = 3,
    CoOrganizer = 4,
    ProBonoRole = 5,
    ProposalLead = 6,
    ActiveQuarters = 7,
}
