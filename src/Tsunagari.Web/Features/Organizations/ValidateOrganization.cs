using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// Checks an organization's profile the same way for the pages and the API, and turns it into the profile the entity
/// takes. Errors are keyed by the <see cref="OrganizationInput"/> property they concern.
/// </summary>
public sealed class ValidateOrganization(
    AppDbContext db,
    Japan japan,
    IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock)
{
    public const int MaxContactPhoneLength = 30;
    public const int MaxWebsiteLength = 500;
    public const int MaxEmailLength = 254;

    public sealed record Result(OrganizationProfile? Profile, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Profile is not null;
    }

    public async Task<Result> RunAsync(OrganizationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        void Add(string key, string message) => errors.Add(key, message);

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) Add(nameof(input.Name), l["団体名を入力してください。"]);
        else if (name.Length > Organization.MaxNameLength) Add(nameof(input.Name), l["団体名は{0}文字以内で入力してください。", Organization.MaxNameLength]);

        var kana = input.Kana?.Trim() ?? "";
        if (kana.Length == 0) Add(nameof(input.Kana), l["団体名のふりがなを入力してください。"]);
        else if (kana.Length > Organization.MaxNameLength) Add(nameof(input.Kana), l["団体名のふりがなは{0}文字以内で入力してください。", Organization.MaxNameLength]);

        var kind = ParseEnum<OrganizationKind>(input.Kind);
        if (kind is null) Add(nameof(input.Kind), l["団体の種類を選んでください。"]);
        var legalForm = ParseEnum<LegalForm>(input.LegalForm);
        if (legalForm is null) Add(nameof(input.LegalForm), l["法人格を選んでください。"]);

        var corporateNumber = NormalizeCorporateNumber(input.CorporateNumber);
        if (corporateNumber.Length > 0)
        {
            if (corporateNumber.Length != 13 || !corporateNumber.All(char.IsAsciiDigit))
                Add(nameof(input.CorporateNumber), l["法人番号は13桁の数字で入力してください。"]);
            else if (!CorporateNumber.IsValid(corporateNumber))
                Add(nameof(input.CorporateNumber), l["法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください。"]);
        }

        var prefecture = options.Value.Prefecture;
        var municipalities = input.Municipalities.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (municipalities.Count == 0)
            Add(nameof(input.Municipalities), l["活動する市町村を1つ以上選んでください。"]);
        else if (municipalities.Any(c => japan.Municipality(c) is not { } m || m.PrefectureCode != prefecture))
            Add(nameof(input.Municipalities), l["選ばれた市町村の中に、この都道府県の市町村ではないものがあります。"]);

        if (input.Fields.Any(f => !FieldsOfActivity.IsDefined(f)))
            Add(nameof(input.Fields), l["活動分野の選択が正しくありません。"]);

        var mission = input.Mission?.Trim() ?? "";
        if (mission.Length > Organization.MaxMissionLength)
            Add(nameof(input.Mission), l["ミッションは{0}文字以内で入力してください。", Organization.MaxMissionLength]);
        var description = input.Description?.Trim() ?? "";
        if (description.Length > Organization.MaxDescriptionLength)
            Add(nameof(input.Description), l["団体の紹介は{0}文字以内で入力してください。", Organization.MaxDescriptionLength]);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapanTime.Zone).DateTime);
        if (input.Founded is { } founded && (founded > today || founded.Year < 1000))
            Add(nameof(input.Founded), l["設立日には今日までの日付を入力してください。"]);

        var email = input.ContactEmail?.Trim() ?? "";
        if (email.Length > MaxEmailLength || (email.Length > 0 && !new EmailAddressAttribute().IsValid(email)))
            Add(nameof(input.ContactEmail), l["連絡先のメールアドレスの形式が正しくありません。"]);

        var phone = (input.ContactPhone ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (phone.Length > MaxContactPhoneLength || phone.Any(c => !(char.IsAsciiDigit(c) || c is '-' or '+' or '(' or ')' or ' ')))
            Add(nameof(input.ContactPhone), l["連絡先の電話番号は、数字とハイフンで{0}文字以内で入力してください。", MaxContactPhoneLength]);

        var website = input.Website?.Trim() ?? "";
        if (website.Length > 0 && (website.Length > MaxWebsiteLength
            || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            Add(nameof(input.Website), l["ウェブサイトには http:// か https:// で始まるアドレスを{0}文字以内で入力してください。", MaxWebsiteLength]);

        var ways = input.WaysToHelp.Distinct().ToList();
        if (ways.Count > 0)
        {
            var known = await db.WaysToTakePart.AsNoTracking().Where(w => ways.Contains(w.Id)).CountAsync(cancellationToken);
            if (known != ways.Count) Add(nameof(input.WaysToHelp), l["関わり方の選択が正しくありません。"]);
        }

        if (errors.Count > 0)
            return new Result(null, errors.ToDictionary());

        return new Result(
            new OrganizationProfile(name, kana, kind!.Value, legalForm!.Value, corporateNumber.Length == 0 ? null : corporateNumber,
                input.IntermediateSupport, municipalities, input.Fields, mission, description, input.Founded, email, phone, website, ways),
            new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>Full-width digits, spaces and hyphens are common when the number is copied from a document.</summary>
    public static string NormalizeCorporateNumber(string? value) =>
        new((value ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !value.Trim().All(char.IsAsciiDigit) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
