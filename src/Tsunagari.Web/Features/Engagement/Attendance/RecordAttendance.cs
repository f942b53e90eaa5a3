using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Check-in, check-out and hours of one sign-up, as the organization (roster, API) or the person (code) records them.</summary>
public sealed class RecordAttendance(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The sign-up, tracked, when the person administers its organization; null otherwise (not disclosed).</summary>
    public async Task<SignUp?> ManagedAsync(ClaimsPrincipal user, Guid signUpId, CancellationToken cancellationToken)
    {
        var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.Id == signUpId, cancellationToken);
        if (signUp is null) return null;
        var organization = await OpportunityAccess.OrganizationAsync(db, signUp.OrganizationId, cancellationToken);
        return await OpportunityAccess.CanManageAsync(authorization, user, organization) ? signUp : null;
    }

    /// <summary>Null when done; otherwise why not, for the page or the API.</summary>
    public async Task<string?> CheckInAsync(SignUp signUp, CheckInMethod method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        if (signUp.Status != SignUpStatus.Confirmed) return l["申し込みが確定していないため、出席にできません。"];
        if (signUp.CheckedInAt is not null) return l["すでに出席済みです。"];
        var now = clock.GetUtcNow();
        signUp.CheckedInAt = now;
        signUp.CheckInMethod = method;
        signUp.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> CheckOutAsync(SignUp signUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        if (signUp.CheckedInAt is not { } checkedIn) return l["まだ出席になっていません。先に出席にしてください。"];
        if (signUp.CheckedOutAt is not null) return l["すでに退出済みです。"];
        var now = clock.GetUtcNow();
        signUp.CheckedOutAt = now;
        // Hours the organization entered are its word; times only fill them in when nobody did.
        if (signUp.CheckInMethod != CheckInMethod.Recorded) signUp.Hours = AttendanceHours.Between(checkedIn, now);
        signUp.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> SetHoursAsync(SignUp signUp, decimal? hours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        if (!AttendanceHours.IsValid(hours)) return l["時間は0より大きく{0}以下で入力してください（15分単位）。", SignUp.MaxHours];
        if (signUp.Status != SignUpStatus.Confirmed && signUp.CheckedInAt is null) return l["申し込みが確定していないため、時間を記録できません。"];
        var now = clock.GetUtcNow();
        // Hours entered for someone not checked in also say that they attended.
        signUp.CheckedInAt ??= now;
        signUp.CheckInMethod = CheckInMethod.Recorded;
        signUp.Hours = AttendanceHours.Round(hours!.Value);
        signUp.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
