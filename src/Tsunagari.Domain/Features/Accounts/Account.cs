using Microsoft.AspNetCore.Identity;

namespace Tsunagari.Features.Accounts;

/// <summary>A person's sign-in to the platform: a resident, a member of an organization's staff, or government staff.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Preferred language of mail and pages ("ja" or "en").</summary>
    public string Culture { get; set; } = "ja";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Notifications are mailed together once a day instead of one by one.</summary>
    public bool PrefersDailyDigest { get; set; }

    /// <summary>Demo accounts exist only in demo mode; their staff roles are exempt from two-factor sign-in.</summary>
    public bool IsDemo { get; set; }
}
