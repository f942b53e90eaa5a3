using System.Security.Cryptography;
using System.Text;

namespace Tsunagari.Features.Accounts;

/// <summary>A bearer token an API client uses on a person's behalf. Only its hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "tsg_";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private PersonalAccessToken() { }

    /// <summary>Creates a token; the secret is returned once and never stored.</summary>
    public static (PersonalAccessToken Token, string Secret) Issue(Guid accountId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = new PersonalAccessToken
        {
            AccountId = accountId,
            Name = name,
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
