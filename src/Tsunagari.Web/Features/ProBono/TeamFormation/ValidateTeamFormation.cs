using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// Checks a posted round and turns it into a <see cref="TeamFormationProblem"/>, or says in the reader's language what
/// is wrong, naming the item. The caps keep one request from occupying the server: a prefecture's round is a few
/// hundred challenges, so 2,000 challenges and 50,000 professionals leave ample room.
/// </summary>
public sealed class ValidateTeamFormation(Japan japan, IStringLocalizer<SharedResource> l)
{
    public const int MaxChallenges = 2_000;
    public const int MaxProfessionals = 50_000;
    public const int MaxRoles = 20;
    public const int MaxTeamSize = 50;
    public const int MaxListItems = 100;
    public const int MaxIdLength = 100;
    public const int MaxHoursPerWeek = 168;
    public const double MaxTimeLimitSeconds = 30;
    private const int MaxErrors = 100;

    public sealed record Outcome(TeamFormationProblem? Problem, Dictionary<string, string[]> Errors)
    {
        public bool IsValid => Problem is not null;
    }

    public Outcome Run(TeamFormationRequest? request, IReadOnlyDictionary<string, string> groupingOf)
    {
        ArgumentNullException.ThrowIfNull(groupingOf);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message)
        {
            if (errors.Values.Sum(v => v.Count) >= MaxErrors) return;
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }
        Outcome Done(TeamFormationProblem? problem) =>
            new(errors.Count == 0 ? problem : null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

        if (request?.Challenges is not { Count: > 0 } challenges) Add("challenges", l["課題を1件以上入れてください。"]);
        else if (challenges.Count > MaxChallenges) Add("challenges", l["課題は1回に{0}件までです。", MaxChallenges]);
        if (request?.Professionals is not { Count: > 0 } professionals) Add("professionals", l["専門人材を1人以上入れてください。"]);
        else if (professionals.Count > MaxProfessionals) Add("professionals", l["専門人材は1回に{0}人までです。", MaxProfessionals]);
        if (request?.Locked is { Count: > MaxProfessionals }) Add("locked", l["固定メンバーは{0}人までです。", MaxProfessionals]);
        if (request?.TimeLimitSeconds is { } limit && !(limit > 0)) Add("timeLimitSeconds", l["制限時間は0秒より長くしてください。"]);
        if (errors.Count > 0) return Done(null);

        var needs = Challenges(request!.Challenges!, Add);
        var offers = Professionals(request.Professionals!, Add);
        var locked = Locked(request.Locked ?? [], needs, offers, Add);
        if (errors.Count > 0) return Done(null);
        return Done(new TeamFormationProblem
        {
            Challenges = [.. needs.Values],
            Professionals = [.. offers.Values],
            Locked = locked,
            GroupingOf = groupingOf,
            TimeLimitSeconds = Math.Min(request.TimeLimitSeconds ?? 10, MaxTimeLimitSeconds),
        });
    }

    private Dictionary<string, ChallengeNeed> Challenges(IReadOnlyList<TeamFormationRequest.Challenge?> items, Action<string, string> add)
    {
        var needs = new Dictionary<string, ChallengeNeed>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = Key("challenges", i);
            if (items[i] is not { } c)
            {
                add(key, l["{0}番目の課題が空です。", i + 1]);
                continue;
            }
            if (!ValidId(c.Id))
            {
                add(key + ".id", l["{0}番目の課題に id がありません（{1}文字まで）。", i + 1, MaxIdLength]);
                continue;
            }
            var id = c.Id!;
            if (needs.ContainsKey(id))
            {
                add(key + ".id", l["課題の id「{0}」が重複しています。", id]);
                continue;
            }
            var before = needs.Count;
            var ok = true;
            void Fail(string field, string message)
            {
                ok = false;
                add(key + field, message);
            }
            if (c.Field is { } field && !FieldsOfActivity.IsDefined(field))
                Fail(".field", l["課題「{0}」の分野 {1} は活動分野（1〜20）にありません。", id, field]);
            if (c.MunicipalityCode is { } code && japan.Municipality(code) is null)
                Fail(".municipalityCode", l["課題「{0}」の市区町村コード「{1}」が見つかりません。", id, code]);
            if (c.HoursPerWeek is not { } hours || hours < 0 || hours > MaxHoursPerWeek)
                Fail(".hoursPerWeek", l["課題「{0}」の週あたりの時間は0から{1}の間で入れてください。", id, MaxHoursPerWeek]);
            var min = c.MinSize ?? 3;
            var max = c.MaxSize ?? 5;
            if (min < 1) Fail(".minSize", l["課題「{0}」の最少人数は1人以上にしてください。", id]);
            if (max > MaxTeamSize) Fail(".maxSize", l["課題「{0}」の最多人数は{1}人までです。", id, MaxTeamSize]);
            if (min > max) Fail(".minSize", l["課題「{0}」の最少人数（{1}人）が最多人数（{2}人）を超えています。", id, min, max]);
            var roles = new List<RoleNeed>();
            if (c.Roles is not { Count: > 0 })
                Fail(".roles", l["課題「{0}」に役割がありません。", id]);
            else if (c.Roles.Count > MaxRoles)
                Fail(".roles", l["課題「{0}」の役割は{1}件までです。", id, MaxRoles]);
            else
            {
                for (var r = 0; r < c.Roles.Count; r++)
                {
                    var role = c.Roles[r];
                    if (Skills.Find(role?.Skill) is null)
                        Fail(Key(".roles", r) + ".skill", l["課題「{0}」の役割の技能「{1}」は技能の一覧にありません。", id, role?.Skill ?? ""]);
                    else if (role!.Count is not { } count || count < 1 || count > MaxTeamSize)
                        Fail(Key(".roles", r) + ".count", l["課題「{0}」の役割「{1}」の人数は1人以上にしてください。", id, UnstaffedReasonText.SkillName(role.Skill)!]);
                    else roles.Add(new RoleNeed(role.Skill!, count));
                }
                var needed = roles.Sum(r => r.Count);
                if (ok && needed > max)
                    Fail(".roles", l["課題「{0}」の役割に必要な人数（{1}人）が最多人数（{2}人）を超えていて、チームを組めません。", id, needed, max]);
            }
            if (c.OrganizationId is { Length: > MaxIdLength })
                Fail(".organizationId", l["課題「{0}」の団体 id が長すぎます（{1}文字まで）。", id, MaxIdLength]);
            if (ok && needs.Count == before)
                needs[id] = new ChallengeNeed(id, c.Field, c.MunicipalityCode, c.Online ?? false, c.HoursPerWeek!.Value, roles, min, max, c.OrganizationId);
            else needs[id] = null!; // remembered for duplicate and lock checks; the round is not built when anything failed
        }
        return needs;
    }

    private Dictionary<string, ProfessionalOffer> Professionals(IReadOnlyList<TeamFormationRequest.Professional?> items, Action<string, string> add)
    {
        var offers = new Dictionary<string, ProfessionalOffer>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = Key("professionals", i);
            if (items[i] is not { } p)
            {
                add(key, l["{0}番目の専門人材が空です。", i + 1]);
                continue;
            }
            if (!ValidId(p.Id))
            {
                add(key + ".id", l["{0}番目の専門人材に id がありません（{1}文字まで）。", i + 1, MaxIdLength]);
                continue;
            }
            var id = p.Id!;
            if (offers.ContainsKey(id))
            {
                add(key + ".id", l["専門人材の id「{0}」が重複しています。", id]);
                continue;
            }
            var ok = true;
            void Fail(string field, string message)
            {
                ok = false;
                add(key + field, message);
            }
            var skills = new Dictionary<string, int>(StringComparer.Ordinal);
            if (p.Skills is not { Count: > 0 })
                Fail(".skills", l["専門人材「{0}」に技能がありません。", id]);
            else if (p.Skills.Count > MaxListItems)
                Fail(".skills", l["専門人材「{0}」の技能は{1}件までです。", id, MaxListItems]);
            else
            {
                for (var s = 0; s < p.Skills.Count; s++)
                {
                    var skill = p.Skills[s];
                    if (Skills.Find(skill?.Skill) is null)
                        Fail(Key(".skills", s) + ".skill", l["専門人材「{0}」の技能「{1}」は技能の一覧にありません。", id, skill?.Skill ?? ""]);
                    else if (skill!.Level is not { } level || level < Engagement.Skills.MinLevel || level > Engagement.Skills.MaxLevel)
                        Fail(Key(".skills", s) + ".level", l["専門人材「{0}」の技能「{1}」のレベルは1から3で入れてください。", id, UnstaffedReasonText.SkillName(skill.Skill)!]);
                    else if (!skills.TryAdd(skill.Skill!, level))
                        Fail(Key(".skills", s) + ".skill", l["専門人材「{0}」の技能「{1}」が重複しています。", id, UnstaffedReasonText.SkillName(skill.Skill)!]);
                }
            }
            if (p.HoursPerWeek is not { } hours || hours < 0 || hours > MaxHoursPerWeek)
                Fail(".hoursPerWeek", l["専門人材「{0}」の週あたりの時間は0から{1}の間で入れてください。", id, MaxHoursPerWeek]);
            var fields = p.PreferredFields ?? [];
            if (fields.Count > MaxListItems || fields.Any(f => !FieldsOfActivity.IsDefined(f)))
                Fail(".preferredFields", l["専門人材「{0}」の希望分野は活動分野の番号（1〜20）で入れてください。", id]);
            var places = p.PreferredMunicipalities ?? [];
            if (places.Count > MaxListItems)
                Fail(".preferredMunicipalities", l["専門人材「{0}」の希望市区町村は{1}件までです。", id, MaxListItems]);
            else
                foreach (var code in places.Where(c => c is null || japan.Municipality(c) is null))
                    Fail(".preferredMunicipalities", l["専門人材「{0}」の希望市区町村のコード「{1}」が見つかりません。", id, code ?? ""]);
            var conflicts = p.Conflicts ?? [];
            if (conflicts.Count > MaxListItems || conflicts.Any(c => !ValidId(c)))
                Fail(".conflicts", l["専門人材「{0}」の利益相反は{1}件まで、空でない id で入れてください。", id, MaxListItems]);
            offers[id] = ok
                ? new ProfessionalOffer(id, skills, p.HoursPerWeek!.Value, [.. fields.Distinct()], [.. places.Distinct()!], p.AcceptsOnline ?? false, [.. conflicts!])
                : null!;
        }
        return offers;
    }

    private List<TeamMember> Locked(
        IReadOnlyList<TeamFormationRequest.LockedMember?> items,
        Dictionary<string, ChallengeNeed> needs,
        Dictionary<string, ProfessionalOffer> offers,
        Action<string, string> add)
    {
        var locked = new List<TeamMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = Key("locked", i);
            var m = items[i];
            if (m?.ChallengeId is null || !needs.TryGetValue(m.ChallengeId, out var need))
                add(key + ".challengeId", l["固定メンバーの課題「{0}」はこの回にありません。", m?.ChallengeId ?? ""]);
            else if (m.ProfessionalId is null || !offers.ContainsKey(m.ProfessionalId))
                add(key + ".professionalId", l["固定メンバーの専門人材「{0}」はこの回にいません。", m.ProfessionalId ?? ""]);
            else if (!seen.Add(m.ProfessionalId))
                add(key + ".professionalId", l["専門人材「{0}」が二度固定されています。", m.ProfessionalId]);
            else if (need is not null && !need.Roles.Any(r => string.Equals(r.Skill, m.Role, StringComparison.Ordinal)))
                add(key + ".role", l["固定メンバーの役割「{0}」は課題「{1}」にありません。", m.Role ?? "", m.ChallengeId]);
            else locked.Add(new TeamMember(m.ChallengeId, m.ProfessionalId, m.Role!));
        }
        return locked;
    }

    /// <summary>The localized message for locked members the solver could not keep.</summary>
    public string Message(LockedMembersException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Problem switch
        {
            LockProblem.NotEligible => l["専門人材「{0}」は課題「{1}」のその役割に就けません（技能、時間、利益相反、辞退のいずれか）。", e.ProfessionalId ?? "", e.ChallengeId],
            LockProblem.TooMany => l["課題「{0}」に固定したメンバーと残りの役割で、最多人数を超えます。", e.ChallengeId],
            LockProblem.LockedTwice => l["専門人材「{0}」が二度固定されています。", e.ProfessionalId ?? ""],
            LockProblem.UnknownChallenge or LockProblem.UnknownProfessional or LockProblem.UnknownRole =>
                l["固定メンバーの指定が課題「{0}」と合いません。", e.ChallengeId],
            _ => l["課題「{0}」は、固定したメンバーを含めてチームを組めません。固定を外すか、変えてください。", e.ChallengeId],
        };
    }

    private static bool ValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;

    private static string Key(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{index}]");
}
