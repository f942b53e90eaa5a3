using Microsoft.Extensions.Localization;
using Tsunagari.Features.Funds.Grants;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.FundPages;

/// <summary>The fund form as posted: its kind, name, purpose and what the kind asks for (fields, municipalities, a name, a project).</summary>
public sealed class FundInput
{
    public string? OrganizationId { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<int> Fields { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
    public string? NamedAfter { get; set; }
    public string? DesignatedProject { get; set; }
    public bool AcceptsDonations { get; set; } = true;

    public static FundInput From(Fund fund)
    {
        ArgumentNullException.ThrowIfNull(fund);
        return new()
        {
            OrganizationId = fund.HolderOrganizationId.ToString(),
            Kind = fund.Kind.ToString(),
            Name = fund.Name,
            Description = fund.Description,
            Fields = [.. fund.Fields],
            Municipalities = [.. fund.MunicipalityCodes],
            NamedAfter = fund.NamedAfter,
            DesignatedProject = fund.DesignatedProject,
            AcceptsDonations = fund.AcceptsDonations,
        };
    }

    /// <summary>The kind when the input is valid (errors keyed by field otherwise).</summary>
    public FundKind? Validate(Japan japan, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        FundKind? kind = Enum.TryParse<FundKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) errors.Add((nameof(Kind), l["基金の種類を選んでください。"]));
        Text(Name, Fund.MaxNameLength, nameof(Name), l["基金の名前を入力してください。"], l, errors);
        if ((Description ?? "").Trim().Length > Fund.MaxDescriptionLength)
            errors.Add((nameof(Description), l["{0}文字以内で入力してください。", Fund.MaxDescriptionLength]));
        if (Fields.Any(f => !FieldsOfActivity.IsDefined(f))) errors.Add((nameof(Fields), l["活動分野は一覧から選んでください。"]));
        if (Municipalities.Any(c => japan.Municipality(c) is null)) errors.Add((nameof(Municipalities), l["市区町村は一覧から選んでください。"]));
        if (kind == FundKind.Theme && Fields.Count == 0) errors.Add((nameof(Fields), l["テーマ基金では、支える活動分野を1つ以上選んでください。"]));
        if (kind == FundKind.Regional && Municipalities.Count == 0) errors.Add((nameof(Municipalities), l["地域基金では、支える市区町村を1つ以上選んでください。"]));
        if (kind == FundKind.Named) Text(NamedAfter, Fund.MaxNameLength, nameof(NamedAfter), l["冠基金では、基金に名前を冠する人・家族・企業を入力してください。"], l, errors);
        if (kind == FundKind.DesignatedProject) Text(DesignatedProject, Fund.MaxNameLength, nameof(DesignatedProject), l["事業指定基金では、寄附を充てる事業を入力してください。"], l, errors);
        return errors.Count == 0 ? kind : null;
    }

    public void ApplyTo(Fund fund, FundKind kind)
    {
        ArgumentNullException.ThrowIfNull(fund);
        fund.Kind = kind;
        fund.Name = Name!.Trim();
        fund.Description = (Description ?? "").Trim();
        fund.Fields = Fields.Distinct().Order().ToList();
        fund.MunicipalityCodes = Municipalities.Distinct().Order(StringComparer.Ordinal).ToList();
        fund.NamedAfter = kind == FundKind.Named ? NamedAfter!.Trim() : "";
        fund.DesignatedProject = kind == FundKind.DesignatedProject ? DesignatedProject!.Trim() : "";
        fund.AcceptsDonations = AcceptsDonations;
    }

    private static void Text(string? value, int max, string key, string missing, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) errors.Add((key, missing));
        else if (text.Length > max) errors.Add((key, l["{0}文字以内で入力してください。", max]));
    }
}

/// <summary>What the fund fields partial needs.</summary>
public sealed record FundForm(FundInput Input, IReadOnlyList<GrantsAccess.OrganizationOption>? Organizations, IReadOnlyList<Municipality> Municipalities,
    Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary State);
