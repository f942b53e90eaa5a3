namespace Tsunagari.Features.Insights;

/// <summary>
/// A precomputed tie between two organizations of one kind, with its weight (people or projects they share). The whole
/// table is rebuilt by the network's background refresh, so the network page reads a few thousand rows rather than
/// millions of journeys. The pair is stored once, the smaller id first.
/// </summary>
public sealed class NetworkTie
{
    public Guid OrganizationId { get; private set; }
    public Guid OtherOrganizationId { get; private set; }
    public NetworkTieKind Kind { get; private set; }
    public int Weight { get; private set; }
    public DateTimeOffset RefreshedAt { get; private set; }

    private NetworkTie() { }

    public NetworkTie(Guid organizationId, Guid otherOrganizationId, NetworkTieKind kind, int weight, DateTimeOffset refreshedAt)
    {
        if (organizationId == otherOrganizationId) throw new ArgumentException("A tie joins two organizations.", nameof(otherOrganizationId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        (OrganizationId, OtherOrganizationId) = organizationId.CompareTo(otherOrganizationId) < 0
            ? (organizationId, otherOrganizationId) : (otherOrganizationId, organizationId);
        Kind = kind;
        Weight = weight;
        RefreshedAt = refreshedAt;
    }
}

/// <summary>What links two organizations, and what a tie's weight counts.</summary>
public enum NetworkTieKind
{
    /// <summary>共通の参加者: people with a journey at both whose activity periods overlap (weight: people).</summary>
    SharedParticipants = 1,

    /// <summary>共同企画: opportunities of one co-organised by a member of the other (weight: opportunities).</summary>
    JointOpportunities = 2,

    /// <summary>協働: adopted collaboration proposals both proposed (weight: proposals).</summary>
    Collaboration = 3,

    /// <summary>プロボノ: pro bono projects for one with a team member who is a member of the other (weight: projects).</summary>
    ProBono = 4,

    /// <summary>助成: grants awarded from a fund one holds to the other (weight: awards).</summary>
    Grants = 5,
}
