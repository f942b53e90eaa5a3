namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// A <see cref="TeamFormationProblem"/> indexed for the solvers: roles merged by skill, and only the eligible
/// (professional, challenge, role) triples, each with its fit. Both solvers work on options only, so neither can
/// propose an assignment the rules forbid.
/// </summary>
internal sealed class Round
{
    private Round(TeamFormationProblem problem)
    {
        Problem = problem;
        Challenges = [.. problem.Challenges];
        Pros = [.. problem.Professionals];
    }

    public TeamFormationProblem Problem { get; }

    public ChallengeNeed[] Challenges { get; }

    public ProfessionalOffer[] Pros { get; }

    /// <summary>Per challenge: the skills of its roles (merged when listed twice), and how many each needs.</summary>
    public string[][] RoleSkills { get; private set; } = [];

    public int[][] RoleCounts { get; private set; } = [];

    /// <summary>Per challenge: the smallest team that fills every role and reaches the minimum size.</summary>
    public int[] Target { get; private set; } = [];

    public Option[] Options { get; private set; } = [];

    /// <summary>Option indices per challenge, best fit first, then professionals with fewer options, then input order.</summary>
    public int[][] ByChallenge { get; private set; } = [];

    public int[][] ByPro { get; private set; } = [];

    /// <summary>Per challenge and role: how many professionals could fill it at all.</summary>
    public int[][] EligibleCount { get; private set; } = [];

    /// <summary>Per challenge: how many distinct professionals could join it at all.</summary>
    public int[] DistinctEligible { get; private set; } = [];

    /// <summary>Per challenge: whether its roles and minimum size can be met by the round at all (ignoring other teams).</summary>
    public bool[] Staffable { get; private set; } = [];

    /// <summary>Per professional: the option locked by the coordinator, or -1.</summary>
    public int[] LockedOption { get; private set; } = [];

    public bool[] HasLocked { get; private set; } = [];

    public int ChallengeCount => Challenges.Length;

    public int ProCount => Pros.Length;

    public int MinSize(int c) => Challenges[c].MinSize;

    public int MaxSize(int c) => Challenges[c].MaxSize;

    /// <summary>
    /// The option of professional <paramref name="p"/> in role <paramref name="r"/> of challenge <paramref name="c"/>, or -1
    /// when not eligible (or the challenge cannot be staffed at all). A binary search: options are numbered challenge by
    /// challenge, so each professional's list is sorted by challenge.
    /// </summary>
    public int OptionOf(int p, int c, int r)
    {
        var list = ByPro[p];
        int lo = 0, hi = list.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Options[list[mid]].Challenge < c) lo = mid + 1;
            else hi = mid - 1;
        }
        for (var i = lo; i < list.Length && Options[list[i]].Challenge == c; i++)
            if (Options[list[i]].Role == r) return list[i];
        return -1;
    }

    public static Round Build(TeamFormationProblem problem, CancellationToken cancellationToken)
    {
        var round = new Round(problem);
        round.Index(cancellationToken);
        round.Lock();
        return round;
    }

    private void Index(CancellationToken cancellationToken)
    {
        var challengeIndex = UniqueIndex(Challenges.Select(c => c.Id), "challenge");
        var proIndex = UniqueIndex(Pros.Select(p => p.Id), "professional");

        // Skills as small integers: a level lookup is then an array read, which matters at 500 x 10,000 pairs.
        var skillIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        RoleSkills = new string[ChallengeCount][];
        RoleCounts = new int[ChallengeCount][];
        var roleSkillIds = new int[ChallengeCount][];
        Target = new int[ChallengeCount];
        for (var c = 0; c < ChallengeCount; c++)
        {
            var merged = new List<(string Skill, int Count)>();
            foreach (var role in Challenges[c].Roles)
            {
                var at = merged.FindIndex(m => string.Equals(m.Skill, role.Skill, StringComparison.Ordinal));
                if (at < 0) merged.Add((role.Skill, Math.Max(0, role.Count)));
                else merged[at] = (role.Skill, merged[at].Count + Math.Max(0, role.Count));
            }
            RoleSkills[c] = [.. merged.Select(m => m.Skill)];
            RoleCounts[c] = [.. merged.Select(m => m.Count)];
            roleSkillIds[c] = [.. merged.Select(m => skillIndex.TryGetValue(m.Skill, out var s) ? s : skillIndex[m.Skill] = skillIndex.Count)];
            Target[c] = Math.Max(Challenges[c].MinSize, RoleCounts[c].Sum());
        }

        // Places as small integers too (municipalities and groupings share one numbering), and fields as arrays: the
        // pair loop below then does no hashing.
        var placeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int PlaceId(string key) => placeIndex.TryGetValue(key, out var id) ? id : placeIndex[key] = placeIndex.Count;
        var levels = new byte[ProCount][];
        var conflicts = new HashSet<string>?[ProCount];
        var places = new int[ProCount][];
        var fields = new int[ProCount][];
        for (var p = 0; p < ProCount; p++)
        {
            var pro = Pros[p];
            levels[p] = new byte[skillIndex.Count];
            foreach (var (skill, level) in pro.Skills)
                if (skillIndex.TryGetValue(skill, out var s)) levels[p][s] = (byte)Math.Clamp(level, 0, 100);
            conflicts[p] = pro.Conflicts.Count == 0 ? null : new HashSet<string>(pro.Conflicts, StringComparer.Ordinal);
            // A preferred municipality also brings in its grouping: "near" is the same regional grouping.
            var near = new List<int>();
            foreach (var code in pro.PreferredMunicipalities)
            {
                near.Add(PlaceId(code));
                if (Problem.GroupingOf.TryGetValue(code, out var grouping)) near.Add(PlaceId("g:" + grouping));
            }
            places[p] = [.. near.Distinct()];
            fields[p] = [.. pro.PreferredFields];
        }

        var excluded = new HashSet<long>();
        foreach (var (challengeId, professionalId) in Problem.Excluded)
            if (challengeIndex.TryGetValue(challengeId, out var c) && proIndex.TryGetValue(professionalId, out var p))
                excluded.Add(((long)p * ChallengeCount) + c);

        var options = new List<Option>();
        EligibleCount = new int[ChallengeCount][];
        DistinctEligible = new int[ChallengeCount];
        for (var c = 0; c < ChallengeCount; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var challenge = Challenges[c];
            EligibleCount[c] = new int[RoleSkills[c].Length];
            var municipality = challenge.MunicipalityCode is { } code && placeIndex.TryGetValue(code, out var m) ? m : -1;
            var grouping = challenge.MunicipalityCode is { } at && Problem.GroupingOf.TryGetValue(at, out var g)
                && placeIndex.TryGetValue("g:" + g, out var gi) ? gi : -1;
            for (var p = 0; p < ProCount; p++)
            {
                var pro = Pros[p];
                if (pro.HoursPerWeek < challenge.HoursPerWeek) continue;
                if (conflicts[p] is { } conflict
                    && (conflict.Contains(challenge.Id) || (challenge.OrganizationId is { } org && conflict.Contains(org)))) continue;
                if (excluded.Count > 0 && excluded.Contains(((long)p * ChallengeCount) + c)) continue;
                var bonus = (challenge.Field is { } field && Array.IndexOf(fields[p], field) >= 0 ? 1 : 0)
                    + ((challenge.Online && pro.AcceptsOnline)
                        || (municipality >= 0 && Array.IndexOf(places[p], municipality) >= 0)
                        || (grouping >= 0 && Array.IndexOf(places[p], grouping) >= 0) ? 1 : 0);
                var first = true;
                for (var r = 0; r < roleSkillIds[c].Length; r++)
                {
                    var level = levels[p][roleSkillIds[c][r]];
                    if (level < 1) continue;
                    if (first)
                    {
                        DistinctEligible[c]++;
                        first = false;
                    }
                    options.Add(new Option(p, c, r, level + bonus));
                    EligibleCount[c][r]++;
                }
            }
        }
        Options = [.. options];

        Staffable = new bool[ChallengeCount];
        for (var c = 0; c < ChallengeCount; c++)
        {
            var ch = Challenges[c];
            var roles = RoleCounts[c];
            Staffable[c] = roles.Length > 0 && ch.MinSize <= ch.MaxSize && Target[c] <= ch.MaxSize && DistinctEligible[c] >= Target[c]
                && Enumerable.Range(0, roles.Length).All(r => EligibleCount[c][r] >= roles[r]);
        }

        // Options of challenges that cannot be staffed at all are dropped: nobody may be placed there.
        var byPro = new List<int>[ProCount];
        var degree = new int[ProCount];
        for (var p = 0; p < ProCount; p++) byPro[p] = [];
        var byChallenge = new List<int>[ChallengeCount];
        for (var c = 0; c < ChallengeCount; c++) byChallenge[c] = [];
        for (var i = 0; i < Options.Length; i++)
        {
            var o = Options[i];
            if (!Staffable[o.Challenge]) continue;
            byPro[o.Pro].Add(i);
            byChallenge[o.Challenge].Add(i);
            degree[o.Pro]++;
        }
        ByPro = [.. byPro.Select(l => l.ToArray())];
        ByChallenge = new int[ChallengeCount][];
        for (var c = 0; c < ChallengeCount; c++)
        {
            // One packed key per option (fit descending, then degree, professional, role): sorting a million options
            // with chained LINQ keys took a second of the 500 x 10,000 round.
            var items = byChallenge[c].ToArray();
            var keys = new long[items.Length];
            for (var k = 0; k < items.Length; k++)
            {
                var o = Options[items[k]];
                keys[k] = ((long)(127 - Math.Min(o.Fit, 127)) << 56) | ((long)Math.Min(degree[o.Pro], 0xFFFF) << 40) | ((long)o.Pro << 8) | (long)Math.Min(o.Role, 255);
            }
            Array.Sort(keys, items);
            ByChallenge[c] = items;
        }

        challengeIds = challengeIndex;
        proIds = proIndex;
    }

    private Dictionary<string, int> challengeIds = [];
    private Dictionary<string, int> proIds = [];

    private void Lock()
    {
        LockedOption = new int[ProCount];
        Array.Fill(LockedOption, -1);
        HasLocked = new bool[ChallengeCount];
        var lockedPerChallenge = new int[ChallengeCount];
        foreach (var member in Problem.Locked)
        {
            if (!challengeIds.TryGetValue(member.ChallengeId, out var c))
                throw new LockedMembersException(LockProblem.UnknownChallenge, member.ChallengeId, member.ProfessionalId);
            if (!proIds.TryGetValue(member.ProfessionalId, out var p))
                throw new LockedMembersException(LockProblem.UnknownProfessional, member.ChallengeId, member.ProfessionalId);
            var r = Array.FindIndex(RoleSkills[c], s => string.Equals(s, member.Role, StringComparison.Ordinal));
            if (r < 0) throw new LockedMembersException(LockProblem.UnknownRole, member.ChallengeId, member.ProfessionalId);
            if (LockedOption[p] >= 0) throw new LockedMembersException(LockProblem.LockedTwice, member.ChallengeId, member.ProfessionalId);
            if (!Staffable[c]) throw new LockedMembersException(LockProblem.CannotStaff, member.ChallengeId, member.ProfessionalId);
            var option = OptionOf(p, c, r);
            if (option < 0) throw new LockedMembersException(LockProblem.NotEligible, member.ChallengeId, member.ProfessionalId);
            LockedOption[p] = option;
            HasLocked[c] = true;
            lockedPerChallenge[c]++;
        }
        for (var c = 0; c < ChallengeCount; c++)
        {
            if (!HasLocked[c]) continue;
            var id = Challenges[c].Id;
            if (!Staffable[c]) throw new LockedMembersException(LockProblem.CannotStaff, id, null);
            var lockedRoles = new int[RoleSkills[c].Length];
            for (var p = 0; p < ProCount; p++)
                if (LockedOption[p] >= 0 && Options[LockedOption[p]].Challenge == c) lockedRoles[Options[LockedOption[p]].Role]++;
            var still = Enumerable.Range(0, lockedRoles.Length).Sum(r => Math.Max(0, RoleCounts[c][r] - lockedRoles[r]));
            if (lockedPerChallenge[c] + still > MaxSize(c)) throw new LockedMembersException(LockProblem.TooMany, id, null);
        }
    }

    private static Dictionary<string, int> UniqueIndex(IEnumerable<string> ids, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!index.TryAdd(id, index.Count)) throw new ArgumentException($"Duplicate {what} id \"{id}\".", nameof(ids));
        return index;
    }
}
