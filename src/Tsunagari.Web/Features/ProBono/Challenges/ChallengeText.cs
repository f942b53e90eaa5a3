using Microsoft.Extensions.Localization;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>Japanese labels of the pro bono enums, as keys of the shared resource.</summary>
public static class ChallengeText
{
    public static string For(DeliverableKind kind) => kind switch
    {
        DeliverableKind.Website => "ウェブサイト",
        DeliverableKind.Pamphlet => "パンフレット・チラシ",
        DeliverableKind.BusinessPlan => "事業計画",
        DeliverableKind.MarketingResearch => "マーケティング調査",
        DeliverableKind.Accounting => "会計・経理の仕組みづくり",
        DeliverableKind.FundraisingPlan => "資金調達の計画",
        DeliverableKind.ItSetup => "IT環境の整備",
        DeliverableKind.VolunteerManagement => "ボランティアの受け入れの仕組みづくり",
        DeliverableKind.Other => "その他",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string For(WorkMode mode) => mode switch
    {
        WorkMode.Online => "オンライン",
        WorkMode.InPerson => "対面",
        WorkMode.Either => "どちらでもよい",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string For(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Submitted => "審査待ち",
        ChallengeStatus.ChangesRequested => "修正の依頼あり",
        ChallengeStatus.Resubmitted => "再提出済み（審査待ち）",
        ChallengeStatus.Accepted => "受理",
        ChallengeStatus.InRound => "チーム編成中",
        ChallengeStatus.Staffed => "チーム決定",
        ChallengeStatus.Unstaffed => "チームを編成できませんでした",
        ChallengeStatus.Declined => "見送り",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string For(RoundStatus status) => status switch
    {
        RoundStatus.Open => "編成中",
        RoundStatus.Proposed => "提案済み",
        RoundStatus.Closed => "終了",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string For(AssignmentResponse response) => response switch
    {
        AssignmentResponse.Proposed => "回答待ち",
        AssignmentResponse.Accepted => "承諾",
        AssignmentResponse.Declined => "辞退",
        AssignmentResponse.Withdrawn => "取り下げ",
        _ => throw new ArgumentOutOfRangeException(nameof(response), response, null),
    };

    /// <summary>Why the last run left a challenge without a team, in the solver's own words.</summary>
    public static string Unstaffed(Challenge challenge, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return Enum.TryParse<UnstaffedReason>(challenge.UnstaffedReason, out var reason)
            ? UnstaffedReasonText.Sentence(new TeamFormation.Unstaffed(challenge.Id.ToString(), reason, challenge.UnstaffedSkill), l)
            : l["チームを編成できませんでした。"];
    }
}
