using System.Security.Cryptography;
using System.Text;

namespace Tsunagari.Features.Organizations;

/// <summary>An org admin's invitation, sent by mail; the link carries a secret whose hash alone is stored.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }
    public string Email { get; private set; } = "";
    public MembershipRole Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    private Invitation() { }

    public static (Invitation Invitation, string Secret) Create(Guid organizationId, string email, MembershipRole role, Guid invitedBy, DateTimeOffset now)
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        return (new Invitation
        {
            OrganizationId = organizationId,
            Email = email.Trim(),
            Role = role,
            TokenHash = HashOf(secret),
            InvitedBy = invitedBy,
            CreatedAt = now,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && now - CreatedAt < Lifetime;

    public void Accept(DateTimeOffset now) => AcceptedAt = now;
}
