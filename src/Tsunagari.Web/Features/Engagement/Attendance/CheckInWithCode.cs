using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>A person checks themselves in with the attendance code shown at the venue.</summary>
public sealed class CheckInWithCode(AppDbContext db, RecordAttendance record, CheckInAttempts attempts, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The outcome; <paramref name="Status"/> is the HTTP status the API answers with.</summary>
    public sealed record Result(bool Succeeded, string Message, int Status, Guid? OpportunityId = null);

    public async Task<Result> RunAsync(Guid accountId, string? input, CancellationToken cancellationToken)
    {
        if (attempts.IsBlocked(accountId))
            return new(false, l["出欠コードの入力に続けて失敗したため、しばらく入力できません。1時間ほどしてからもう一度お試しください。"], StatusCodes.Status429TooManyRequests);
        // Full-width digits from a Japanese keyboard count as digits.
        var code = (input ?? "").Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length != CheckInCode.Length || !code.All(char.IsAsciiDigit))
            return Fail(accountId, l["出欠コードは6桁の数字です。"], StatusCodes.Status400BadRequest);
        var now = clock.GetUtcNow();
        var codes = await db.CheckInCodes.AsNoTracking().Where(c => c.Code == code).ToListAsync(cancellationToken);
        if (codes.Count == 0) return Fail(accountId, l["出欠コードが正しくありません。会場で示されたコードを確かめてください。"], StatusCodes.Status400BadRequest);
        var valid = codes.Where(c => c.IsValidAt(now)).ToList();
        if (valid.Count == 0)
            return Fail(accountId, l["この出欠コードは使える時間外です（開始の2時間前から終了の2時間後まで使えます）。"], StatusCodes.Status409Conflict);
        var opportunityIds = valid.Select(c => c.OpportunityId).Distinct().ToList();
        var signUps = await db.SignUps.Where(s => s.AccountId == accountId && opportunityIds.Contains(s.OpportunityId)).ToListAsync(cancellationToken);
        var matching = signUps.Where(s => valid.Any(c => c.OpportunityId == s.OpportunityId && (c.Occurrence == s.Occurrence || c.Occurrence == SignUp.WholeOpportunity))).ToList();
        if (matching.Count == 0) return Fail(accountId, l["この活動（この日）には申し込んでいません。"], StatusCodes.Status409Conflict);
        var signUp = matching.FirstOrDefault(s => s.Status == SignUpStatus.Confirmed) ?? matching[0];
        if (signUp.CheckedInAt is not null) return new(false, l["すでに出席済みです。"], StatusCodes.Status409Conflict, signUp.OpportunityId);
        if (await record.CheckInAsync(signUp, CheckInMethod.Code, cancellationToken) is { } error)
            return new(false, error, StatusCodes.Status409Conflict, signUp.OpportunityId);
        return new(true, l["出席を記録しました。ようこそ！"], StatusCodes.Status200OK, signUp.OpportunityId);
    }

    private Result Fail(Guid accountId, string message, int status)
    {
        attempts.Fail(accountId);
        return new(false, message, status);
    }
}
