using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>
/// Validates an opportunity as the organization's admins enter it and creates or updates it. The page and the API
/// share it, so both refuse the same things with the same localized messages (keyed by <see cref="OpportunityInput"/>'s
/// property names).
/// </summary>
public sealed partial class SaveOpportunity(
    AppDbContext db,
    Japan japan,
    IOptions<TsunagariOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    IEnumerable<IOpportunityChanges> listeners)
{
    public const int MaxAge = 120;
    public const int MaxExceptions = 200;

    public sealed record Outcome(Opportunity? Opportunity, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Outcome> CreateAsync(Guid organizationId, OpportunityInput input, CancellationToken cancellationToken)
    {
        var (details, errors) = await ValidateAsync(input, cancellationToken);
        if (details is null) return new Outcome(null, errors);
        var opportunity = new Opportunity(organizationId, details, clock.GetUtcNow());
        opportunity.SetSignUpRules(input.RequiresApproval, input.SignUpQuestions.OfType<string>(), clock.GetUtcNow());
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(opportunity, errors);
    }

    /// <param name="opportunity">Tracked by this scope's context.</param>
    public async Task<Outcome> UpdateAsync(Opportunity opportunity, OpportunityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var (details, errors) = await ValidateAsync(input, cancellationToken);
        if (details is null) return new Outcome(null, errors);
        var before = (opportunity.StartsAt, opportunity.EndsAt, opportunity.RecurrenceRule, string.Join(',', opportunity.RecurrenceExceptions),
            opportunity.MunicipalityCode, opportunity.IsOnline, opportunity.VenueName, opportunity.VenueAddress);
        var capacityBefore = opportunity.Capacity;
        opportunity.Update(details, clock.GetUtcNow());
        opportunity.SetSignUpRules(input.RequiresApproval, input.SignUpQuestions.OfType<string>(), clock.GetUtcNow());
        var after = (opportunity.StartsAt, opportunity.EndsAt, opportunity.RecurrenceRule, string.Join(',', opportunity.RecurrenceExceptions),
            opportunity.MunicipalityCode, opportunity.IsOnline, opportunity.VenueName, opportunity.VenueAddress);
        // People who signed up hear about a new time or place in the same transaction as the change.
        if (before != after)
            foreach (var listener in listeners) await listener.ChangedAsync(opportunity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // More places go to the waitlist at once, as a freed place does.
        if (capacityBefore is { } was && (opportunity.Capacity is null || opportunity.Capacity > was))
            foreach (var listener in listeners) await listener.PlacesAddedAsync(opportunity, cancellationToken);
        return new Outcome(opportunity, errors);
    }

    public static DateTime ToJapan(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, JapanTime.Zone).DateTime;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>Years outside this range are typing mistakes (and year 1 in Japan time is before the first UTC instant).</summary>
    private static bool IsPlausible(DateTime time) => time.Year is >= FirstYear and <= LastYear;

    /// <summary>A time without an offset is Japan local time; one with an offset (the API's ISO 8601) is taken as given.</summary>
    public static DateTimeOffset FromJapan(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(time),
        DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime()),
        _ => new DateTimeOffset(time, JapanTime.Zone.GetUtcOffset(time)).ToUniversalTime(),
    };

    public async Task<(OpportunityDetails? Details, IReadOnlyDictionary<string, string[]> Errors)> ValidateAsync(OpportunityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        void Add(string key, string message) => errors.Add(key, message);

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) Add(nameof(input.Title), l["タイトルを入力してください。"]);
        else if (title.Length > Opportunity.MaxTitleLength) Add(nameof(input.Title), l["タイトルは{0}文字以内で入力してください。", Opportunity.MaxTitleLength]);

        var description = input.Description?.Trim() ?? "";
        if (description.Length > Opportunity.MaxDescriptionLength)
            Add(nameof(input.Description), l["説明は{0}文字以内で入力してください。", Opportunity.MaxDescriptionLength]);

        if (input.Fields.Any(f => !FieldsOfActivity.IsDefined(f)))
            Add(nameof(input.Fields), l["活動分野の選択が正しくありません。"]);

        var wayIds = await db.WaysToTakePart.AsNoTracking().Select(w => w.Id).ToListAsync(cancellationToken);
        if (input.Ways.Any(w => !wayIds.Contains(w)))
            Add(nameof(input.Ways), l["関わり方の選択が正しくありません。"]);

        var code = input.MunicipalityCode?.Trim() ?? "";
        if (code.Length == 0) Add(nameof(input.MunicipalityCode), l["市区町村を選んでください。"]);
        else if (japan.Municipality(code) is not { } m || !string.Equals(m.PrefectureCode, options.Value.Prefecture, StringComparison.Ordinal))
            Add(nameof(input.MunicipalityCode), l["市区町村の選択が正しくありません。"]);

        var venueName = input.VenueName?.Trim() ?? "";
        var venueAddress = input.VenueAddress?.Trim() ?? "";
        if (!input.IsOnline && venueName.Length == 0 && venueAddress.Length == 0)
            Add(nameof(input.VenueName), l["会場の名称か住所を入力してください（オンラインの場合は「オンライン」を選んでください）。"]);
        if (venueName.Length > 200) Add(nameof(input.VenueName), l["会場の名称は{0}文字以内で入力してください。", 200]);
        if (venueAddress.Length > 300) Add(nameof(input.VenueAddress), l["会場の住所は{0}文字以内で入力してください。", 300]);
        if (input.Latitude is null != input.Longitude is null)
            Add(nameof(input.Latitude), l["緯度と経度は両方入力するか、両方空けてください。"]);
        if (input.Latitude is { } lat && (double.IsNaN(lat) || lat < -90 || lat > 90))
            Add(nameof(input.Latitude), l["緯度は-90から90までの数で入力してください。"]);
        if (input.Longitude is { } lon && (double.IsNaN(lon) || lon < -180 || lon > 180))
            Add(nameof(input.Longitude), l["経度は-180から180までの数で入力してください。"]);

        if (input.Start is null) Add(nameof(input.Start), l["開始日時を入力してください。"]);
        if (input.End is null) Add(nameof(input.End), l["終了日時を入力してください。"]);
        foreach (var (name, time) in new[] { (nameof(input.Start), input.Start), (nameof(input.End), input.End), (nameof(input.Deadline), input.Deadline) })
            if (time is { } t && !IsPlausible(t)) Add(name, l["日時は{0}年から{1}年までの範囲で入力してください。", FirstYear, LastYear]);
        DateTimeOffset? start = input.Start is { } s && IsPlausible(s) ? FromJapan(s) : null;
        DateTimeOffset? end = input.End is { } e && IsPlausible(e) ? FromJapan(e) : null;
        if (start is not null && end is not null && end <= start)
            Add(nameof(input.End), l["終了日時は開始日時より後にしてください。"]);

        string? rule = null;
        switch (input.Repeat ?? "none")
        {
            case "none":
                break;
            case "weekly" when input.Weekdays.Count == 0 || input.Weekdays.Any(d => !Recurrence.WeekdayCodes.Contains(d, StringComparer.Ordinal)):
                Add(nameof(input.Weekdays), l["毎週の繰り返しでは曜日を1つ以上選んでください。"]);
                break;
            case "monthly" when input.MonthlyWeek is not (1 or 2 or 3 or 4 or -1) || !Recurrence.WeekdayCodes.Contains(input.MonthlyWeekday ?? "", StringComparer.Ordinal):
                Add(nameof(input.MonthlyWeek), l["毎月の繰り返しでは第何週と曜日を選んでください。"]);
                break;
            case "custom" when string.IsNullOrWhiteSpace(input.CustomRule):
                Add(nameof(input.CustomRule), l["繰り返しのルール（RRULE）を入力してください。"]);
                break;
            case "weekly" or "monthly" or "custom":
                rule = Recurrence.Build(input.Repeat, input.Weekdays, input.MonthlyWeek, input.MonthlyWeekday, input.CustomRule);
                if (Recurrence.Parse(rule) is null)
                {
                    Add(nameof(input.CustomRule), l["繰り返しのルール「{0}」は RFC 5545 の RRULE として正しくありません。例：FREQ=WEEKLY;BYDAY=SA", rule ?? ""]);
                    rule = null;
                }
                else if (rule!.Length > 500)
                {
                    Add(nameof(input.CustomRule), l["繰り返しのルールは{0}文字以内で入力してください。", 500]);
                }
                else rule = Recurrence.Normalize(rule);
                break;
            default:
                Add(nameof(input.Repeat), l["繰り返しの選択が正しくありません。"]);
                break;
        }

        var exceptions = new List<DateOnly>();
        foreach (var token in Separators().Split(input.Exceptions ?? "").Where(t => t.Length > 0))
        {
            if (DateOnly.TryParseExact(token, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                exceptions.Add(date);
            else
                Add(nameof(input.Exceptions), l["除外日「{0}」は日付として読めません。2026-12-29 のように入力してください。", token]);
        }
        if (exceptions.Count > MaxExceptions) Add(nameof(input.Exceptions), l["除外日は{0}個までにしてください。", MaxExceptions]);
        if (exceptions.Count > 0 && rule is null && input.Repeat is "none" or null)
            Add(nameof(input.Exceptions), l["除外日は繰り返しのある活動にだけ指定できます。"]);

        if (input.Capacity is < 1 or > 1_000_000) Add(nameof(input.Capacity), l["定員は1から1000000までの数で入力してください。"]);
        DateTimeOffset? deadline = input.Deadline is { } d && IsPlausible(d) ? FromJapan(d) : null;
        if (deadline is not null && end is not null && deadline > end)
            Add(nameof(input.Deadline), l["申込締切は終了日時より前にしてください。"]);
        if (input.FeeYen is < 0 or > 100_000_000 || (input.FeeYen is { } fee && fee != decimal.Truncate(fee)))
            Add(nameof(input.FeeYen), l["参加費は0以上の整数（円）で入力してください。"]);

        var email = input.ContactEmail?.Trim() ?? "";
        if (email.Length > 254 || (email.Length > 0 && !new EmailAddressAttribute().IsValid(email)))
            Add(nameof(input.ContactEmail), l["連絡先メールアドレスの形式が正しくありません。"]);
        var phone = input.ContactPhone?.Trim() ?? "";
        if (phone.Length > 30 || (phone.Length > 0 && !Phone().IsMatch(phone)))
            Add(nameof(input.ContactPhone), l["連絡先電話番号は数字とハイフンで30文字以内で入力してください。"]);

        var languages = Separators().Split(input.Languages ?? "").Where(t => t.Length > 0).ToList();
        if (languages.Count > 20 || languages.Any(t => !LanguageTag().IsMatch(t)))
            Add(nameof(input.Languages), l["言語は ja, en のような言語コードをカンマで区切って入力してください。"]);

        if (input.MinAge is < 0 or > MaxAge) Add(nameof(input.MinAge), l["年齢は0から{0}までの数で入力してください。", MaxAge]);
        if (input.MaxAge is < 0 or > MaxAge) Add(nameof(input.MaxAge), l["年齢は0から{0}までの数で入力してください。", MaxAge]);
        if (input.MinAge is { } min && input.MaxAge is { } max && min > max)
            Add(nameof(input.MaxAge), l["年齢の上限は下限以上にしてください。"]);

        var accessibility = AccessibilityFeatures.None;
        foreach (var f in input.Accessibility)
        {
            if (f == AccessibilityFeatures.None || !Enum.IsDefined(f)) Add(nameof(input.Accessibility), l["アクセシビリティの選択が正しくありません。"]);
            else accessibility |= f;
        }

        var questions = input.SignUpQuestions.Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
        if (questions.Count > Opportunity.MaxSignUpQuestions)
            Add(nameof(input.SignUpQuestions), l["申込時の質問は{0}個までにしてください。", Opportunity.MaxSignUpQuestions]);
        if (questions.Any(q => q.Length > Opportunity.MaxQuestionLength))
            Add(nameof(input.SignUpQuestions), l["申込時の質問は1つ{0}文字以内で入力してください。", Opportunity.MaxQuestionLength]);

        var result = errors.ToDictionary();
        if (result.Count > 0) return (null, result);
        return (new OpportunityDetails(
            title, description, input.Fields, input.Ways, code, input.IsOnline, venueName, venueAddress,
            input.Latitude, input.Longitude, start!.Value, end!.Value, rule, exceptions,
            input.Capacity, deadline, input.FeeYen, email, phone,
            languages.Select(t => t.ToLowerInvariant()).ToList(), input.MinAge, input.MaxAge, accessibility), result);
    }

    [GeneratedRegex(@"[\s,\u3001\uFF0C]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9][0-9\- ()]*$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
