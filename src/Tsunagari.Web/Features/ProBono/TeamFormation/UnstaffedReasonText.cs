using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Platform.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>Why a challenge stays empty, as a sentence in the reader's language.</summary>
public static class UnstaffedReasonText
{
    public static string Sentence(Unstaffed unstaffed, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(unstaffed);
        ArgumentNullException.ThrowIfNull(l);
        var skill = SkillName(unstaffed.Skill);
        return unstaffed.Reason switch
        {
            UnstaffedReason.NobodyForRole when skill is null => l["この課題には役割がありません。"],
            UnstaffedReason.NobodyForRole => l["役割「{0}」を担える人が、この回の専門人材にいません（人数が足りない場合を含みます）。", skill],
            UnstaffedReason.TakenByOtherTeams => l["役割「{0}」を担える人は、ほかのチームに入っています。", skill ?? ""],
            _ => l["役割は埋められますが、チームの最少人数に届きません。"],
        };
    }

    public static string? SkillName(string? key) =>
        key is null ? null : Skills.Find(key) is { } s ? (Cultures.IsEnglish ? s.NameEn : s.Name) : key;
}
