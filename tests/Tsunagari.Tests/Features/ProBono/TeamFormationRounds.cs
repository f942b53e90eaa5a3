using System.Globalization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>
/// Generated matching rounds, the same for the same seed: challenges with 3–5 roles over the skills taxonomy (some
/// skills in much more demand than others, as designers and marketers are), professionals with 1–4 skills at levels
/// 1–3, hours, preferred fields and municipalities of 千葉県 with its regional groupings, online or not, a few conflicts.
/// The benchmark compiles this same file (bench/Tsunagari.Benchmarks.csproj) for its rounds.
/// </summary>
public static class TeamFormationRounds
{
    private static readonly Lazy<(string[] Codes, Dictionary<string, string> GroupingOf)> chiba = new(() =>
    {
        var groupings = ChibaGroupings.Create(Japan.Shared).ToList();
        var groupingOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groupings)
            foreach (var code in g.MunicipalityCodes) groupingOf.TryAdd(code, g.Name);
        return ([.. groupingOf.Keys.Order(StringComparer.Ordinal)], groupingOf);
    });

    public static TeamFormationProblem Generate(int seed, int challenges, int professionals, double timeLimitSeconds = 10)
    {
        var random = new Random(seed);
        var skills = Skills.All.Select(s => s.Key).ToArray();
        var (codes, groupingOf) = chiba.Value;

        // Demand and supply follow the same skew: skill k is picked with weight 1/(k+1).
        string PickSkill()
        {
            var total = 0.0;
            for (var k = 0; k < skills.Length; k++) total += 1.0 / (k + 1);
            var x = random.NextDouble() * total;
            for (var k = 0; k < skills.Length; k++)
                if ((x -= 1.0 / (k + 1)) <= 0) return skills[k];
            return skills[^1];
        }

        var organizations = Math.Max(1, challenges * 2 / 3);
        var needs = new List<ChallengeNeed>();
        for (var c = 0; c < challenges; c++)
        {
            var roleCount = random.Next(3, 6);
            var roleSkills = new List<string>();
            while (roleSkills.Count < roleCount)
            {
                var skill = PickSkill();
                if (!roleSkills.Contains(skill)) roleSkills.Add(skill);
            }
            // Mostly one person per role; a team of three roles sometimes needs two in its first.
            var roles = roleSkills.Select((s, i) => new RoleNeed(s, i == 0 && roleCount == 3 && random.Next(3) == 0 ? 2 : 1)).ToList();
            needs.Add(new ChallengeNeed(
                string.Create(CultureInfo.InvariantCulture, $"c{c}"),
                random.Next(1, FieldsOfActivity.Count + 1),
                codes[random.Next(codes.Length)],
                random.Next(10) < 4,
                random.Next(2, 9),
                roles,
                MinSize: 3,
                MaxSize: 5,
                OrganizationId: string.Create(CultureInfo.InvariantCulture, $"o{random.Next(organizations)}")));
        }

        var offers = new List<ProfessionalOffer>();
        for (var p = 0; p < professionals; p++)
        {
            var skillLevels = new Dictionary<string, int>(StringComparer.Ordinal);
            var skillCount = random.Next(1, 5);
            while (skillLevels.Count < skillCount) skillLevels.TryAdd(PickSkill(), random.Next(1, 4));
            var fields = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(1, FieldsOfActivity.Count + 1)).Distinct().ToList();
            var places = Enumerable.Range(0, random.Next(0, 3)).Select(_ => codes[random.Next(codes.Length)]).Distinct().ToList();
            var conflicts = random.Next(20) == 0 ? new List<string> { string.Create(CultureInfo.InvariantCulture, $"o{random.Next(organizations)}") } : [];
            offers.Add(new ProfessionalOffer(
                string.Create(CultureInfo.InvariantCulture, $"p{p}"),
                skillLevels,
                random.Next(2, 11),
                fields,
                places,
                random.Next(10) < 6,
                conflicts));
        }
        return new TeamFormationProblem
        {
            Challenges = needs,
            Professionals = offers,
            GroupingOf = groupingOf,
            TimeLimitSeconds = timeLimitSeconds,
        };
    }
}
