using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// The registry's filters, shared by the public list, the government view, its CSV and the API. Parsed from text so that
/// a bad value is a localized message (a 400 in the API), never a binding failure.
/// </summary>
public sealed record InitiativeFilter(
    InitiativeType? Type = null,
    CollaborationStage? Stage = null,
    string? Municipality = null,
    string? Department = null,
    string? Owner = null,
    int? Challenge = null,
    int? Pathway = null)
{
    public const int MaxTextLength = 200;

    public bool IsEmpty => this == new InitiativeFilter();

    /// <summary>The filter, or null with each problem under its parameter's name.</summary>
    public static InitiativeFilter? Parse(
        string? type, string? stage, string? municipality, string? department, string? owner, string? challenge, string? pathway,
        IStringLocalizer<SharedResource> l, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var filter = new InitiativeFilter();
        if (Given(type) is { } t)
        {
            if (ParseType(t) is { } parsed) filter = filter with { Type = parsed };
            else errors["type"] = [l["型は27・28・29のどれかで指定してください。"]];
        }
        if (Given(stage) is { } s)
        {
            if (ParseStage(s) is { } parsed) filter = filter with { Stage = parsed };
            else errors["stage"] = [l["段階は1（主体の支援）・2（協働の試行）・3（制度づくり）のどれかで指定してください。"]];
        }
        if (filter.Stage is not null && filter.Type is not (null or InitiativeType.Together))
            errors["stage"] = [l["段階があるのは㉙の取組だけです。"]];
        if (Given(municipality) is { } m)
        {
            if (LocalGovernmentCode.IsValid(m) && Japan.Shared.Municipality(m) is not null) filter = filter with { Municipality = m };
            else errors["municipality"] = [l["市区町村は6桁の全国地方公共団体コードで指定してください。"]];
        }
        if (Given(department) is { } d)
        {
            if (d.Length <= MaxTextLength) filter = filter with { Department = d };
            else errors["department"] = [l["{0}は{1}文字以内で入力してください。", l["部署"], MaxTextLength]];
        }
        if (Given(owner) is { } o)
        {
            if (o.Length <= MaxTextLength) filter = filter with { Owner = o };
            else errors["owner"] = [l["{0}は{1}文字以内で入力してください。", l["担い手"], MaxTextLength]];
        }
        if (Given(challenge) is { } c)
        {
            if (Number(c) is { } n && KyojoFramework.IsChallenge(n)) filter = filter with { Challenge = n };
            else errors["challenge"] = [l["課題は1から{0}までの番号で指定してください。", KyojoFramework.ChallengeCount]];
        }
        if (Given(pathway) is { } p)
        {
            if (Number(p) is { } n && KyojoFramework.IsPathway(n)) filter = filter with { Pathway = n };
            else errors["pathway"] = [l["方策は1から{0}までの番号で指定してください。", KyojoFramework.PathwayCount]];
        }
        return errors.Count == 0 ? filter : null;
    }

    /// <summary>"27", "29" or the enum's name ("Together").</summary>
    public static InitiativeType? ParseType(string? text)
    {
        if (Number(text) is { } n) return Enum.IsDefined((InitiativeType)n) ? (InitiativeType)n : null;
        return Enum.TryParse<InitiativeType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
    }

    /// <summary>"1"–"3" or the enum's name ("Pilot").</summary>
    public static CollaborationStage? ParseStage(string? text)
    {
        if (Number(text) is { } n) return Enum.IsDefined((CollaborationStage)n) ? (CollaborationStage)n : null;
        return Enum.TryParse<CollaborationStage>(text, ignoreCase: true, out var stage) && Enum.IsDefined(stage) ? stage : null;
    }

    /// <summary>Active initiatives that pass the filter. An initiative without municipalities covers the whole prefecture, so it is in every municipality's list.</summary>
    public IQueryable<Initiative> Apply(IQueryable<Initiative> initiatives)
    {
        ArgumentNullException.ThrowIfNull(initiatives);
        var query = initiatives.Where(i => i.EndedAt == null);
        if (Type is { } type) query = query.Where(i => i.Type == type);
        if (Stage is { } stage) query = query.Where(i => i.Stage == stage);
        if (Municipality is { } code) query = query.Where(i => i.Municipalities.Count == 0 || i.Municipalities.Contains(code));
        if (Department is { } department) query = query.Where(i => i.OwnerKind == InitiativeOwnerKind.Department && i.OwnerName == department);
        if (Owner is { } owner) query = query.Where(i => i.OwnerName.Contains(owner));
        if (Challenge is { } challenge) query = query.Where(i => i.Challenges.Contains(challenge));
        if (Pathway is { } pathway) query = query.Where(i => i.Pathways.Contains(pathway));
        return query;
    }

    /// <summary>The filter as a query string ("type=29&amp;stage=Pilot"), for paging links and the CSV link.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("type", Type is { } t ? ((int)t).ToString(CultureInfo.InvariantCulture) : null);
        Add("stage", Stage?.ToString());
        Add("municipality", Municipality);
        Add("department", Department);
        Add("owner", Owner);
        Add("challenge", Challenge?.ToString(CultureInfo.InvariantCulture));
        Add("pathway", Pathway?.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
