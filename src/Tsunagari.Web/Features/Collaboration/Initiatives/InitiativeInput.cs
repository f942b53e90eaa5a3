using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// An initiative as the form posts it (bound as "Input"), kept as text so that every bad value is a localized message.
/// Type and stage are posted only when registering; afterwards they change only by a move with a reason.
/// </summary>
public sealed class InitiativeInput
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? OwnerKind { get; set; }
    public string? OwnerName { get; set; }
    public string? OrganizationId { get; set; }
    public List<string> Municipalities { get; set; } = [];
    public List<string> Fields { get; set; } = [];
    public List<string> Challenges { get; set; } = [];
    public List<string> Pathways { get; set; } = [];
    public string? Type { get; set; }
    public string? Stage { get; set; }
    public string? TargetType { get; set; }
    public string? TargetStage { get; set; }
    public string? TargetDate { get; set; }

    /// <summary>What the person may choose as owner: staff anything, an organization's admin their own organizations.</summary>
    public sealed record Rules(bool IsStaff, IReadOnlyList<InitiativeAccess.Choice> Administered, string PrefectureCode, DateOnly Today);

    /// <summary>The valid form: its details, and the type and stage at registration (when posted).</summary>
    public sealed record Valid(InitiativeDetails Details, InitiativeType Type, CollaborationStage? Stage);

    public static InitiativeInput From(Initiative initiative)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new InitiativeInput
        {
            Title = initiative.Title,
            Summary = initiative.Summary,
            OwnerKind = initiative.OwnerKind.ToString(),
            OwnerName = initiative.OwnerKind == InitiativeOwnerKind.Organization ? "" : initiative.OwnerName,
            OrganizationId = initiative.OrganizationId?.ToString(),
            Municipalities = [.. initiative.Municipalities],
            Fields = [.. initiative.Fields.Select(Text)],
            Challenges = [.. initiative.Challenges.Select(Text)],
            Pathways = [.. initiative.Pathways.Select(Text)],
            Type = Text((int)initiative.Type),
            Stage = initiative.Stage?.ToString(),
            TargetType = initiative.TargetType is { } t ? Text((int)t) : null,
            TargetStage = initiative.TargetStage?.ToString(),
            TargetDate = initiative.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    public bool Has(List<string> values, int number) => values.Contains(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The details, or null with every problem in <paramref name="errors"/> (key without the "Input." prefix).
    /// <paramref name="current"/> is the initiative being edited: its type and stage are kept, not read from the form.
    /// </summary>
    public Valid? Validate(Rules rules, Initiative? current, string organizationName, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var title = Text(Title, nameof(Title), "タイトル", Initiative.MaxTitleLength, required: true, l, errors);
        var summary = Text(Summary, nameof(Summary), "概要", Initiative.MaxSummaryLength, required: false, l, errors);
        var (kind, ownerName, organizationId) = Owner(rules, organizationName, l, errors);
        var municipalities = MunicipalityCodes(rules.PrefectureCode, l, errors);
        var fields = Numbers(Fields, nameof(Fields), FieldsOfActivity.IsDefined, "活動分野を一覧から選んでください。", l, errors);
        var challenges = Numbers(Challenges, nameof(Challenges), KyojoFramework.IsChallenge, "課題を一覧から選んでください。", l, errors);
        var pathways = Numbers(Pathways, nameof(Pathways), KyojoFramework.IsPathway, "方策を一覧から選んでください。", l, errors);

        var type = current?.Type ?? InitiativeType.ByResidents;
        var stage = current?.Stage;
        if (current is null) (type, stage) = Place(Type, Stage, nameof(Type), nameof(Stage), required: true, l, errors) ?? (type, stage);
        var target = Place(TargetType, TargetStage, nameof(TargetType), nameof(TargetStage), required: false, l, errors);
        if (target is { } t && t.Type == type && t.Stage == stage && !errors.Any(e => e.Key is nameof(Type) or nameof(Stage)))
            errors.Add((nameof(TargetType), l["向かう先には、今の型・段階とは違うものを選んでください。"]));
        var date = TargetDay(target is not null, rules.Today, current?.TargetDate, l, errors);

        if (errors.Count > 0) return null;
        var details = new InitiativeDetails(title, summary, kind, ownerName, organizationId, municipalities, fields, challenges, pathways,
            target?.Type, target?.Stage, target is null ? null : date);
        return new Valid(details, type, stage);
    }

    private static string Text(string? value, string key, string label, int max, bool required, IStringLocalizer<SharedResource> l, List<(string, string)> errors) =>
        FormText.Check(value, key, label, max, l, errors, required);

    private (InitiativeOwnerKind Kind, string Name, Guid? OrganizationId) Owner(Rules rules, string organizationName, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        if (!Enum.TryParse<InitiativeOwnerKind>(OwnerKind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(OwnerKind, out _))
        {
            errors.Add((nameof(OwnerKind), l["担い手の種類を選んでください。"]));
            return (InitiativeOwnerKind.Group, "", null);
        }
        if (!rules.IsStaff && kind != InitiativeOwnerKind.Organization)
        {
            errors.Add((nameof(OwnerKind), l["団体の管理者が登録・編集できるのは、自分の団体の取組です。"]));
            return (kind, "", null);
        }
        if (kind != InitiativeOwnerKind.Organization)
            return (kind, Text(OwnerName, nameof(OwnerName), kind == InitiativeOwnerKind.Department ? "部署の名前" : "グループの名前", Initiative.MaxOwnerNameLength, required: true, l, errors), null);
        if (!Guid.TryParse(OrganizationId, out var id))
        {
            errors.Add((nameof(OrganizationId), l["団体を選んでください。"]));
            return (kind, "", null);
        }
        if (!rules.IsStaff && rules.Administered.All(o => o.Id != id))
            errors.Add((nameof(OrganizationId), l["団体の管理者が登録・編集できるのは、自分の団体の取組です。"]));
        else if (organizationName.Length == 0)
            errors.Add((nameof(OrganizationId), l["団体が見つかりません。"]));
        var name = organizationName.Length > Initiative.MaxOwnerNameLength ? organizationName[..Initiative.MaxOwnerNameLength] : organizationName;
        return (kind, name, id);
    }

    private List<string> MunicipalityCodes(string prefectureCode, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var codes = Municipalities.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Any(c => !LocalGovernmentCode.IsValid(c) || Japan.Shared.Municipality(c)?.PrefectureCode != prefectureCode))
            errors.Add((nameof(Municipalities), l["市区町村を一覧から選んでください。"]));
        else if (codes.Count > Initiative.MaxMunicipalities)
            errors.Add((nameof(Municipalities), l["市区町村は{0}まで選べます。", Initiative.MaxMunicipalities]));
        return codes;
    }

    private static List<int> Numbers(List<string> values, string key, Func<int, bool> inCatalogue, string message, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var numbers = new List<int>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && inCatalogue(n)) numbers.Add(n);
            else
            {
                errors.Add((key, l[message]));
                break;
            }
        }
        return numbers;
    }

    /// <summary>A type and, for ㉙ only, a stage; null when nothing is given (allowed unless required) or when it is wrong.</summary>
    private static (InitiativeType Type, CollaborationStage? Stage)? Place(
        string? typeText, string? stageText, string typeKey, string stageKey, bool required, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var target = typeKey != nameof(Type);
        var typeGiven = !string.IsNullOrWhiteSpace(typeText);
        var stageGiven = !string.IsNullOrWhiteSpace(stageText);
        if (!typeGiven)
        {
            if (required) errors.Add((typeKey, l["型（㉗・㉘・㉙）を選んでください。"]));
            else if (stageGiven) errors.Add((stageKey, l["向かう先の段階を選ぶときは、向かう先の型に㉙を選んでください。"]));
            return null;
        }
        if (InitiativeFilter.ParseType(typeText) is not { } type)
        {
            errors.Add((typeKey, l[target ? "向かう先の型を一覧から選んでください。" : "型（㉗・㉘・㉙）を選んでください。"]));
            return null;
        }
        CollaborationStage? stage = null;
        if (type == InitiativeType.Together)
        {
            stage = stageGiven ? InitiativeFilter.ParseStage(stageText) : null;
            if (stage is null)
            {
                errors.Add((stageKey, l[target ? "向かう先が㉙のときは、向かう先の段階を選んでください。" : "㉙の取組は段階を選んでください。"]));
                return null;
            }
        }
        else if (stageGiven)
        {
            errors.Add((stageKey, l[target ? "向かう先の段階を選べるのは、向かう先が㉙のときだけです。" : "段階を選べるのは㉙の取組だけです。"]));
            return null;
        }
        return (type, stage);
    }

    private DateOnly? TargetDay(bool hasTarget, DateOnly today, DateOnly? kept, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(TargetDate)) return null;
        if (!DateOnly.TryParseExact(TargetDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add((nameof(TargetDate), l["目標の時期を正しい日付で入力してください。"]));
        else if (date <= today && date != kept) // a date saved earlier may stay while other fields change
            errors.Add((nameof(TargetDate), l["目標の時期は明日以降の日付にしてください。"]));
        else if (!hasTarget && !errors.Any(e => e.Item1 is nameof(TargetType) or nameof(TargetStage)))
            errors.Add((nameof(TargetType), l["目標の時期を入れるときは、向かう先の型も選んでください。"]));
        else return date;
        return null;
    }
}
