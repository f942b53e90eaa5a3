using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Collaboration.Calls;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// A proposal as its form posts it (bound as "Input"), checked against its call: the budget within the call's ceiling,
/// the period within the call's period. Co-proposers are added and removed on the proposal's page, one at a time.
/// </summary>
public sealed class ProposalInput
{
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public string? Plan { get; set; }
    public string? Roles { get; set; }
    public string? Budget { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Place { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? OrganizationId { get; set; }

    public static ProposalInput From(CollaborationProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new ProposalInput
        {
            Title = proposal.Title,
            Goal = proposal.Goal,
            Plan = proposal.Plan,
            Roles = proposal.Roles,
            Budget = proposal.Budget.ToString(CultureInfo.InvariantCulture),
            StartsOn = CallInput.Date(proposal.StartsOn),
            EndsOn = CallInput.Date(proposal.EndsOn),
            Place = proposal.Place,
            MunicipalityCode = proposal.MunicipalityCode,
            OrganizationId = proposal.OrganizationId?.ToString(),
        };
    }

    /// <summary>A new proposal starts with the call's whole period.</summary>
    public static ProposalInput For(CollaborationCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new ProposalInput { StartsOn = CallInput.Date(call.StartsOn), EndsOn = CallInput.Date(call.EndsOn) };
    }

    /// <summary>
    /// The details, or null with every problem in <paramref name="errors"/> (keys without "Input."). The organization must
    /// be one of <paramref name="administered"/> (the person's own organizations as admin).
    /// </summary>
    public ProposalDetails? Validate(CollaborationCall call, IReadOnlyList<Guid> coProposers, IReadOnlySet<Guid> administered, Japan japan,
        IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(coProposers);
        ArgumentNullException.ThrowIfNull(administered);
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        string Text(string? value, string key, string label, int max) => FormText.Check(value, key, label, max, l, errors);
        var title = Text(Title, nameof(Title), "提案の名前", CollaborationProposal.MaxTitleLength);
        var goal = Text(Goal, nameof(Goal), "目的と目標", CollaborationProposal.MaxTextLength);
        var plan = Text(Plan, nameof(Plan), "事業の内容", CollaborationProposal.MaxTextLength);
        var roles = Text(Roles, nameof(Roles), "役割分担", CollaborationProposal.MaxTextLength);
        var place = Text(Place, nameof(Place), "実施場所", CollaborationProposal.MaxPlaceLength);

        var budget = CallInput.Yen(Budget);
        if (budget is null) errors.Add((nameof(Budget), l["予算は0円以上の整数で入力してください。"]));
        else if (budget > call.BudgetCeiling)
            errors.Add((nameof(Budget), l["予算は募集の上限（{0}円）以内にしてください。", call.BudgetCeiling.ToString("N0", CultureInfo.InvariantCulture)]));

        var starts = CallInput.Day(StartsOn);
        var ends = CallInput.Day(EndsOn);
        if (starts is null) errors.Add((nameof(StartsOn), l["開始日を正しい日付で入力してください。"]));
        if (ends is null) errors.Add((nameof(EndsOn), l["終了日を正しい日付で入力してください。"]));
        if (starts is { } s && ends is { } e)
        {
            if (e < s) errors.Add((nameof(EndsOn), l["終了日は開始日より後の日付にしてください。"]));
            else if (s < call.StartsOn || e > call.EndsOn)
                errors.Add((nameof(StartsOn), l["期間は募集の実施期間（{0}〜{1}）の中にしてください。", CallInput.Date(call.StartsOn), CallInput.Date(call.EndsOn)]));
        }

        var municipality = string.IsNullOrWhiteSpace(MunicipalityCode) ? null : MunicipalityCode.Trim();
        if (municipality is not null && japan.Municipality(municipality) is null)
            errors.Add((nameof(MunicipalityCode), l["市区町村を一覧から選んでください。"]));

        Guid? organization = null;
        if (!string.IsNullOrWhiteSpace(OrganizationId))
        {
            if (Guid.TryParse(OrganizationId, out var id) && administered.Contains(id)) organization = id;
            else errors.Add((nameof(OrganizationId), l["提案する団体は、あなたが管理者をつとめる団体から選んでください。"]));
        }

        if (errors.Count > 0) return null;
        return new ProposalDetails(organization, coProposers, title, goal, plan, roles, budget!.Value, starts!.Value, ends!.Value, place, municipality);
    }
}
