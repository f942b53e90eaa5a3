using System.Diagnostics;

namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// The heuristic for large rounds: greedy construction (scarcest challenges first, each role filled by the best fit
/// among free eligible professionals), staffing repair (an unstaffed challenge may take free professionals, extras
/// released by other teams, or members whom a free professional replaces), then fit improvement (better free
/// professional, better role in the same team, swaps between teams, extra members up to the maximum size).
/// Every move keeps every team either empty or fully staffed, and works on eligible options only, so no result is
/// ever infeasible. Moves are tried in a fixed order and the search stops at a local optimum, so the same input gives
/// the same teams; the wall clock only guards against runaway inputs.
/// </summary>
internal sealed class LocalSearch
{
    private const int MaxPasses = 100;

    private const int Starts = 6;

    private int variant;

    /// <summary>Teams dissolved in turn for one empty challenge; more rarely helps and costs a full restore each.</summary>
    private const int MaxRegroupTries = 8;

    private readonly Round round;
    private readonly Option[] options;
    private readonly int[] chosen; // option per professional, or -1
    private readonly List<int>[] members; // professionals per challenge
    private readonly int[][] fill; // members per challenge and role
    private readonly bool[] staffed;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan budget;
    private readonly CancellationToken cancellationToken;
    private readonly List<(int Pro, int Option)> undo = [];

    private LocalSearch(Round round, TimeSpan budget, CancellationToken cancellationToken)
    {
        this.round = round;
        options = round.Options;
        this.budget = budget;
        this.cancellationToken = cancellationToken;
        chosen = new int[round.ProCount];
        Array.Fill(chosen, -1);
        members = new List<int>[round.ChallengeCount];
        fill = new int[round.ChallengeCount][];
        staffed = new bool[round.ChallengeCount];
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            members[c] = [];
            fill[c] = new int[round.RoleSkills[c].Length];
        }
    }

    /// <summary>Greedy construction only: the benchmark's baseline and the local search's start.</summary>
    public static int[] Construct(Round round, CancellationToken cancellationToken = default)
    {
        var search = new LocalSearch(round, TimeSpan.MaxValue, cancellationToken);
        search.Build();
        return search.chosen;
    }

    /// <summary>
    /// Local search from several greedy starts (the scarcity order, then that order perturbed by fixed seeds), keeping
    /// the best: more staffed challenges, then more fit. A further start only runs while the time used so far says it
    /// fits in the budget; on large rounds that is usually the first one or two.
    /// </summary>
    public static int[] Solve(Round round, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int[]? best = null;
        (int Staffed, int Fit) bestScore = (-1, -1);
        for (var start = 0; start < Starts; start++)
        {
            var left = budget - clock.Elapsed;
            // Another start only while all of them so far, plus one more, would take at most a third of the budget.
            if (best is not null && clock.Elapsed * (start + 1) / start > budget / 3) break;
            var search = new LocalSearch(round, left, cancellationToken) { variant = start };
            search.Build();
            for (var pass = 0; pass < MaxPasses && !search.OutOfTime(); pass++)
            {
                var changed = search.RepairStaffing();
                changed |= search.Regroup();
                changed |= search.ImproveFit();
                if (!changed) break;
            }
            var score = search.Score();
            if (score.Staffed > bestScore.Staffed || (score.Staffed == bestScore.Staffed && score.Fit > bestScore.Fit))
            {
                best = search.chosen;
                bestScore = score;
            }
        }
        var staffed = new bool[round.ChallengeCount];
        foreach (var o in best!.Where(o => o >= 0)) staffed[round.Options[o].Challenge] = true;
        foreach (var c in Enumerable.Range(0, round.ChallengeCount).Where(c => round.HasLocked[c] && !staffed[c]))
            throw new LockedMembersException(LockProblem.CannotStaff, round.Challenges[c].Id, null);
        return best!;
    }

    private (int Staffed, int Fit) Score() =>
        (staffed.Count(s => s), chosen.Where(o => o >= 0).Sum(o => options[o].Fit));

    /// <summary>Greedy order: 0 is by scarcity; others perturb it with a fixed seed each, so results stay reproducible.</summary>
    private double OrderKey(int c)
    {
        if (variant == 0) return Scarcity(c);
        // Not HashCode.Combine: it is seeded per process, and the same round must give the same teams in every process.
        var noise = unchecked(((uint)c * 2654435761u) ^ ((uint)variant * 40503u * 2246822519u)) % 1000 / 1000.0;
        return Scarcity(c) * (0.5 + noise);
    }

    private bool OutOfTime()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return clock.Elapsed > budget;
    }

    private void Build()
    {
        for (var p = 0; p < round.ProCount; p++)
            if (round.LockedOption[p] >= 0) Place(p, round.LockedOption[p]);
        var order = Enumerable.Range(0, round.ChallengeCount)
            .Where(c => round.Staffable[c])
            .OrderBy(c => round.HasLocked[c] ? 0 : 1)
            .ThenBy(OrderKey)
            .ThenBy(c => c)
            .ToList();
        foreach (var c in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryStaff(c, allowTaking: false) && round.HasLocked[c])
                TryStaff(c, allowTaking: true);
        }
    }

    /// <summary>How many candidates per needed place the tightest role has: the lower, the sooner it is staffed.</summary>
    private double Scarcity(int c)
    {
        var tightest = (double)round.DistinctEligible[c] / round.Target[c];
        for (var r = 0; r < round.RoleCounts[c].Length; r++)
            if (round.RoleCounts[c][r] > 0) tightest = Math.Min(tightest, (double)round.EligibleCount[c][r] / round.RoleCounts[c][r]);
        return tightest;
    }

    private bool RepairStaffing()
    {
        var changed = false;
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            if (staffed[c] || !round.Staffable[c]) continue;
            if (OutOfTime()) break;
            changed |= TryStaff(c, allowTaking: true);
        }
        return changed;
    }

    /// <summary>
    /// For each challenge still empty: dissolve one staffed team holding people it could use, staff the empty one, rebuild
    /// the dissolved one and try the other empty ones; kept only when more challenges end up staffed. This is what the
    /// one-for-one repair cannot do when two challenges compete for the same few specialists.
    /// </summary>
    private bool Regroup()
    {
        var changed = false;
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            if (staffed[c] || !round.Staffable[c]) continue;
            var blockers = round.ByChallenge[c]
                .Select(i => chosen[options[i].Pro])
                .Where(o => o >= 0 && !round.HasLocked[options[o].Challenge])
                .Select(o => options[o].Challenge)
                .Distinct()
                .Take(MaxRegroupTries)
                .ToList();
            foreach (var t in blockers)
            {
                if (OutOfTime()) return changed;
                var before = staffed.Count(s => s);
                var saved = (int[])chosen.Clone();
                var savedStaffed = (bool[])staffed.Clone();
                foreach (var p in members[t].ToArray()) Release(p);
                staffed[t] = false;
                TryStaff(c, allowTaking: true);
                TryStaff(t, allowTaking: true);
                for (var other = 0; other < round.ChallengeCount; other++)
                    if (!staffed[other] && round.Staffable[other]) TryStaff(other, allowTaking: true);
                if (staffed.Count(s => s) > before)
                {
                    changed = true;
                    break;
                }
                Restore(saved, savedStaffed);
            }
        }
        undo.Clear();
        return changed;
    }

    private void Restore(int[] saved, bool[] savedStaffed)
    {
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            members[c].Clear();
            Array.Clear(fill[c]);
        }
        Array.Fill(chosen, -1);
        for (var p = 0; p < round.ProCount; p++)
            if (saved[p] >= 0) Place(p, saved[p]);
        Array.Copy(savedStaffed, staffed, staffed.Length);
    }

    /// <summary>
    /// Fills challenge <paramref name="c"/> up to its target size, or leaves everything as it was. With
    /// <paramref name="allowTaking"/>, a professional may also come from another team that stays staffed without them
    /// (an extra member) or in which a free professional takes their place.
    /// </summary>
    private bool TryStaff(int c, bool allowTaking)
    {
        undo.Clear();
        var roles = round.RoleCounts[c];
        var roleOrder = Enumerable.Range(0, roles.Length).OrderBy(r => round.EligibleCount[c][r]).ThenBy(r => r);
        var ok = true;
        foreach (var r in roleOrder)
        {
            while (ok && fill[c][r] < roles[r])
                ok = TakeOne(c, r, allowTaking);
            if (!ok) break;
        }
        while (ok && members[c].Count < round.Target[c])
            ok = TakeOne(c, -1, allowTaking);
        if (ok)
        {
            staffed[c] = true;
            return true;
        }
        Rollback();
        return false;
    }

    private bool TakeOne(int c, int role, bool allowTaking)
    {
        foreach (var i in round.ByChallenge[c])
            if ((role < 0 || options[i].Role == role) && chosen[options[i].Pro] < 0)
            {
                Move(options[i].Pro, i);
                return true;
            }
        if (!allowTaking) return false;
        foreach (var i in round.ByChallenge[c])
        {
            if (role >= 0 && options[i].Role != role) continue;
            var p = options[i].Pro;
            var current = chosen[p];
            if (current < 0 || round.LockedOption[p] >= 0 || options[current].Challenge == c || !staffed[options[current].Challenge]) continue;
            if (IsExtra(current))
            {
                Move(p, i);
                return true;
            }
            if (FreeReplacement(current) is var replacement and >= 0)
            {
                Move(options[replacement].Pro, replacement);
                Move(p, i);
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the member on <paramref name="option"/> can leave and the team stays staffed.</summary>
    private bool IsExtra(int option)
    {
        var o = options[option];
        return members[o.Challenge].Count > round.Target[o.Challenge] && fill[o.Challenge][o.Role] > round.RoleCounts[o.Challenge][o.Role];
    }

    /// <summary>A free professional's option for the same challenge and role, best fit first, or -1.</summary>
    private int FreeReplacement(int option)
    {
        var o = options[option];
        foreach (var i in round.ByChallenge[o.Challenge])
            if (options[i].Role == o.Role && chosen[options[i].Pro] < 0) return i;
        return -1;
    }

    private bool ImproveFit()
    {
        var changed = false;
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            if (!staffed[c]) continue;
            if (OutOfTime()) return changed;
            undo.Clear(); // these moves are kept; the log only serves TryStaff
            foreach (var p in members[c].ToArray())
            {
                if (round.LockedOption[p] >= 0 || chosen[p] < 0 || options[chosen[p]].Challenge != c) continue;
                changed |= ReplaceByFree(p) || ChangeRole(p) || SwapAcrossTeams(p) || Relocate(p);
            }
            changed |= AddExtras(c);
        }
        return changed;
    }

    private bool ReplaceByFree(int p)
    {
        var current = chosen[p];
        var o = options[current];
        var anyRole = IsRoleSurplus(current);
        foreach (var i in round.ByChallenge[o.Challenge])
        {
            if (options[i].Fit <= o.Fit) break;
            if ((anyRole || options[i].Role == o.Role) && chosen[options[i].Pro] < 0)
            {
                Release(p);
                Move(options[i].Pro, i);
                return true;
            }
        }
        return false;
    }

    private bool IsRoleSurplus(int option)
    {
        var o = options[option];
        return fill[o.Challenge][o.Role] > round.RoleCounts[o.Challenge][o.Role];
    }

    private bool ChangeRole(int p)
    {
        var current = chosen[p];
        if (!IsRoleSurplus(current)) return false;
        var o = options[current];
        for (var r = 0; r < round.RoleSkills[o.Challenge].Length; r++)
        {
            var i = round.OptionOf(p, o.Challenge, r);
            if (i >= 0 && options[i].Fit > o.Fit)
            {
                Move(p, i);
                return true;
            }
        }
        return false;
    }

    private bool SwapAcrossTeams(int p)
    {
        var mine = options[chosen[p]];
        foreach (var i in round.ByPro[p])
        {
            var theirs = options[i];
            if (theirs.Challenge == mine.Challenge || !staffed[theirs.Challenge]) continue;
            foreach (var q in members[theirs.Challenge])
            {
                if (round.LockedOption[q] >= 0 || options[chosen[q]].Role != theirs.Role) continue;
                var back = round.OptionOf(q, mine.Challenge, mine.Role);
                if (back < 0 || theirs.Fit + options[back].Fit <= mine.Fit + options[chosen[q]].Fit) continue;
                Move(q, back);
                Move(p, i);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Moves <paramref name="p"/> to a free place in another team where they fit better, their old place taken by the
    /// best free professional (or left empty when they were an extra member), if the total fit rises.
    /// </summary>
    private bool Relocate(int p)
    {
        var current = chosen[p];
        var mine = options[current];
        var backfill = IsExtra(current) ? -1 : FreeReplacement(current);
        if (backfill < 0 && !IsExtra(current)) return false;
        var kept = backfill >= 0 ? options[backfill].Fit : 0;
        foreach (var i in round.ByPro[p])
        {
            var there = options[i];
            if (there.Challenge == mine.Challenge || !staffed[there.Challenge] || members[there.Challenge].Count >= round.MaxSize(there.Challenge)) continue;
            if (there.Fit + kept <= mine.Fit) continue;
            if (backfill >= 0) Move(options[backfill].Pro, backfill);
            Move(p, i);
            return true;
        }
        return false;
    }

    private bool AddExtras(int c)
    {
        var changed = false;
        while (members[c].Count < round.MaxSize(c))
        {
            var found = -1;
            foreach (var i in round.ByChallenge[c])
                if (chosen[options[i].Pro] < 0)
                {
                    found = i;
                    break;
                }
            if (found < 0) break;
            Move(options[found].Pro, found);
            changed = true;
        }
        return changed;
    }

    private void Place(int p, int option)
    {
        var o = options[option];
        chosen[p] = option;
        members[o.Challenge].Add(p);
        fill[o.Challenge][o.Role]++;
    }

    private void Release(int p)
    {
        var o = options[chosen[p]];
        members[o.Challenge].Remove(p);
        fill[o.Challenge][o.Role]--;
        chosen[p] = -1;
    }

    /// <summary>Puts <paramref name="p"/> on <paramref name="option"/> (or nowhere, -1), remembering the previous place.</summary>
    private void Move(int p, int option)
    {
        undo.Add((p, chosen[p]));
        if (chosen[p] >= 0) Release(p);
        if (option >= 0) Place(p, option);
    }

    private void Rollback()
    {
        for (var k = undo.Count - 1; k >= 0; k--)
        {
            var (p, previous) = undo[k];
            if (chosen[p] >= 0) Release(p);
            if (previous >= 0) Place(p, previous);
        }
        undo.Clear();
    }
}
