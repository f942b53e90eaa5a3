using System.Globalization;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// The ranking itself: a score per open opportunity as a sum of small, explainable terms, and the best k kept in a
/// bounded heap. No database and no index here, so the quality test and the benchmark run exactly this.
/// </summary>
/// <remarks>
/// Weights (points): interest (field overlap) 3, +0.5 per further shared field (up to 2); a skill serving one of the
/// fields 1.5, pro bono opportunity for a practised skill (level ≥ 2) 1; availability matches the next occurrence 2,
/// does not −2; same municipality (or city, for wards) 3, same regional grouping 1.5, elsewhere in the prefecture 0,
/// another prefecture −2, online 2 (0.5 when the person's municipality is unknown); a preferred way 1.5; accessibility:
/// a needed feature missing −10 (strongly demoted, never hidden), all needs met 1; a field attended before 1, an
/// organization attended before 1.5; no participants yet 1 (spreads attention); full −4; starts within 14 days 0.5.
/// For a person the platform knows nothing about, popularity adds up to 2 (0.5 × log2(1 + participants)).
/// </remarks>
public static class RankOpportunities
{
    public readonly record struct Ranked(int Index, float Score, IReadOnlyList<RecommendationReason> Reasons);

    private static readonly int ProBonoWay = DefaultWays.All.First(w => string.Equals(w.Key, "pro-bono", StringComparison.Ordinal)).Id;
    private static readonly long Soon = TimeSpan.FromDays(14).Ticks;

    /// <summary>The best <paramref name="k"/> open opportunities for the seeker, best first, each with its reasons.</summary>
    public static IReadOnlyList<Ranked> Top(OpenOpportunities open, Seeker seeker, int k, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(seeker);
        if (k <= 0) return [];
        var p = Prepare(open, seeker, now);
        // A min-heap of the best k so far: a pass over n opportunities costs n·log k at worst, and nothing per opportunity.
        var heap = new PriorityQueue<int, (float Score, long Start)>(k + 1, HeapOrder.Instance);
        var count = open.Count;
        var ends = open.EndTicks;
        for (var i = 0; i < count; i++)
        {
            if (ends[i] < p.NowTicks) continue;
            if (p.Excluded is { } excluded && excluded.Contains(i)) continue;
            var score = Score(open, i, p, null);
            var key = (score, open.StartTicks[i]);
            if (heap.Count < k) heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var worst) && HeapOrder.Instance.Compare(key, worst) > 0) heap.DequeueEnqueue(i, key);
        }
        var best = new List<Ranked>(heap.Count);
        while (heap.TryDequeue(out var i, out var key))
        {
            var reasons = new List<RecommendationReason>();
            Score(open, i, p, reasons);
            best.Add(new Ranked(i, key.Score, reasons));
        }
        best.Reverse();
        return best;
    }

    /// <summary>Higher score first; on a tie, the sooner start.</summary>
    private sealed class HeapOrder : IComparer<(float Score, long Start)>
    {
        public static readonly HeapOrder Instance = new();

        public int Compare((float Score, long Start) x, (float Score, long Start) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Start.CompareTo(x.Start);
        }
    }

    private sealed class Prepared
    {
        public int Interests;
        public int SkillFields;
        public bool PractisedSkill;
        public Availability Availability;
        public bool KnowsPlace;
        public int Place;
        public int City;
        public int Grouping;
        public string Prefix = "";
        public ulong Ways;
        public AccessibilityFeatures Needs;
        public int AttendedFields;
        public HashSet<int>? AttendedOrganizations;
        public HashSet<int>? Excluded;
        public bool KnowsNothing;
        public long NowTicks;
        public IReadOnlyCollection<ProfileSkill> Skills = [];
    }

    private static Prepared Prepare(OpenOpportunities open, Seeker seeker, DateTimeOffset now)
    {
        var p = new Prepared
        {
            Interests = OpenOpportunities.FieldMask(seeker.Interests),
            Availability = seeker.Availability,
            KnowsPlace = !string.IsNullOrEmpty(seeker.MunicipalityCode),
            Place = open.PlaceIndex(seeker.MunicipalityCode),
            City = open.PlaceIndex(seeker.CityCode ?? seeker.MunicipalityCode),
            Grouping = open.GroupingOf(seeker.MunicipalityCode, seeker.CityCode),
            Prefix = seeker.MunicipalityCode is { Length: >= 2 } code ? code[..2] : "",
            Ways = OpenOpportunities.WayMask(seeker.PreferredWays),
            Needs = seeker.Needs,
            AttendedFields = OpenOpportunities.FieldMask(seeker.AttendedFields),
            KnowsNothing = seeker.KnowsNothing,
            NowTicks = now.UtcTicks,
            Skills = seeker.Skills,
        };
        foreach (var skill in seeker.Skills)
        {
            p.SkillFields |= OpenOpportunities.FieldMask(SkillFields.Of(skill.Skill));
            p.PractisedSkill |= skill.Level >= 2;
        }
        foreach (var organization in seeker.AttendedOrganizations)
            if (open.OrganizationIndex(organization) is >= 0 and var index) (p.AttendedOrganizations ??= []).Add(index);
        foreach (var id in seeker.SignedUp)
            if (open.IndexOf(id) is >= 0 and var index) (p.Excluded ??= []).Add(index);
        return p;
    }

    /// <summary>The score of opportunity <paramref name="i"/>; with <paramref name="reasons"/>, also why (only for the few kept).</summary>
    private static float Score(OpenOpportunities open, int i, Prepared p, List<RecommendationReason>? reasons)
    {
        var score = 0f;
        var fields = open.Fields[i];

        var shared = fields & p.Interests;
        if (shared != 0)
        {
            score += 3f + (0.5f * Math.Min(2, System.Numerics.BitOperations.PopCount((uint)shared) - 1));
            reasons?.Add(new(RecommendationReason.Interest, FieldKeys(shared)));
        }

        var bySkill = fields & p.SkillFields;
        var proBono = p.PractisedSkill && (open.Ways[i] & (1UL << ProBonoWay)) != 0;
        if (bySkill != 0 || proBono)
        {
            score += (bySkill != 0 ? 1.5f : 0f) + (proBono ? 1f : 0f);
            reasons?.Add(new(RecommendationReason.Skill, SkillKeys(p.Skills, fields, proBono)));
        }

        if (p.Availability != Availability.None)
        {
            var slot = open.Slot[i];
            if ((p.Availability & slot) != 0)
            {
                score += 2f;
                reasons?.Add(new(RecommendationReason.Availability, [slot.ToString()]));
            }
            else score -= 2f;
        }

        if (open.Online[i])
        {
            score += p.KnowsPlace ? 2f : 0.5f;
            reasons?.Add(new(RecommendationReason.Online, []));
        }
        else if (p.KnowsPlace)
        {
            if (p.Place >= 0 && (open.Place[i] == p.Place || open.City[i] == p.City))
            {
                score += 3f;
                reasons?.Add(new(RecommendationReason.Nearby, []));
            }
            else if (p.Grouping >= 0 && open.Grouping[i] == p.Grouping)
            {
                score += 1.5f;
                reasons?.Add(new(RecommendationReason.NearbyArea, []));
            }
            else if (!open.MunicipalityCodes[i].StartsWith(p.Prefix, StringComparison.Ordinal)) score -= 2f;
        }

        var ways = open.Ways[i] & p.Ways;
        if (ways != 0)
        {
            score += 1.5f;
            reasons?.Add(new(RecommendationReason.Way, WayKeys(ways)));
        }

        if (p.Needs != AccessibilityFeatures.None)
        {
            var missing = p.Needs & ~open.Access[i];
            if (missing != AccessibilityFeatures.None)
            {
                score -= 10f;
                reasons?.Add(new(RecommendationReason.AccessibilityMissing, AccessKeys(missing)));
            }
            else
            {
                score += 1f;
                reasons?.Add(new(RecommendationReason.Accessibility, AccessKeys(p.Needs)));
            }
        }

        var before = fields & p.AttendedFields;
        if (before != 0)
        {
            score += 1f;
            reasons?.Add(new(RecommendationReason.History, FieldKeys(before)));
        }
        if (p.AttendedOrganizations is { } organizations && organizations.Contains(open.Organization[i]))
        {
            score += 1.5f;
            reasons?.Add(new(RecommendationReason.SameOrganization, []));
        }

        var participants = open.Participants[i];
        if (participants == 0)
        {
            score += 1f;
            reasons?.Add(new(RecommendationReason.FirstParticipant, []));
        }
        else if (p.KnowsNothing)
        {
            score += Math.Min(2f, 0.5f * MathF.Log2(1 + participants));
            reasons?.Add(new(RecommendationReason.Popular, []));
        }
        if (open.Full[i])
        {
            score -= 4f;
            reasons?.Add(new(RecommendationReason.Full, []));
        }
        if (open.StartTicks[i] - p.NowTicks < Soon)
        {
            score += 0.5f;
            reasons?.Add(new(RecommendationReason.Soon, []));
        }
        return score;
    }

    /// <summary>
    /// The skills behind a skill reason. A method of its own: a lambda in <see cref="Score"/> capturing its locals made the
    /// compiler allocate a closure on every call, for every opportunity (4.8 MB per ranking of 200,000).
    /// </summary>
    private static string[] SkillKeys(IReadOnlyCollection<ProfileSkill> skills, int fields, bool proBono) =>
        [.. skills.Where(s => (proBono && s.Level >= 2) || (OpenOpportunities.FieldMask(SkillFields.Of(s.Skill)) & fields) != 0).Select(s => s.Skill)];

    private static string[] FieldKeys(int mask) =>
        [.. Enumerable.Range(1, 31).Where(f => (mask & (1 << (f - 1))) != 0).Select(f => f.ToString(CultureInfo.InvariantCulture))];

    private static string[] WayKeys(ulong mask) =>
        [.. Enumerable.Range(0, 64).Where(w => (mask & (1UL << w)) != 0).Select(w => w.ToString(CultureInfo.InvariantCulture))];

    private static string[] AccessKeys(AccessibilityFeatures features) =>
        [.. Enum.GetValues<AccessibilityFeatures>().Where(f => f != AccessibilityFeatures.None && features.HasFlag(f)).Select(f => f.ToString())];
}
