using System.Buffers.Binary;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Ids for generated rows, drawn from a seeded generator: the entities make their own random ids, and a seeded data set
/// must be the same every time it is generated.
/// </summary>
public static class SeededIds
{
    /// <summary>
    /// A version 7 UUID from <paramref name="at"/> and seeded bytes: deterministic, and in insertion order when the rows
    /// are, so the primary key index grows at its end rather than splitting pages all over a million rows.
    /// </summary>
    public static Guid Next(Random random, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> id = stackalloc byte[16];
        random.NextBytes(id);
        BinaryPrimitives.WriteUInt64BigEndian(id, (ulong)at.ToUnixTimeMilliseconds() << 16 | (uint)(id[6] & 0x0F) << 8 | id[7]);
        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id, bigEndian: true);
    }

    /// <summary>Gives a generated organization (and its founder's membership) an id from <paramref name="random"/>.</summary>
    public static void Give(Organization organization, Random random)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var id = Next(random, organization.CreatedAt);
        SetOrganizationId(organization, id);
        foreach (var membership in organization.Memberships) SetMembershipOrganization(membership, id);
    }

    /// <summary>Gives a generated opportunity an id from <paramref name="random"/>.</summary>
    public static void Give(Opportunity opportunity, Random random)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        SetOpportunityId(opportunity, Next(random, opportunity.CreatedAt));
    }

    /// <summary>The private setter of <paramref name="property"/> (the entities keep their keys to themselves).</summary>
    public static Action<T, Guid> Setter<T>(string property = "Id") =>
        typeof(T).GetProperty(property)!.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<T, Guid>>();

    private static readonly Action<Organization, Guid> SetOrganizationId = Setter<Organization>();
    private static readonly Action<Membership, Guid> SetMembershipOrganization = Setter<Membership>(nameof(Membership.OrganizationId));
    private static readonly Action<Opportunity, Guid> SetOpportunityId = Setter<Opportunity>();
}
