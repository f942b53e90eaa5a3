using System.Diagnostics;

namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// Proposes teams for a matching round: each professional in at most one team and one role, each challenge either
/// fully staffed or empty, the most staffed challenges first and then the best total fit. Small rounds are solved
/// exactly by CP-SAT; large ones by a greedy construction and local search (<see cref="LocalSearch"/>).
/// Nothing is saved: callers decide what to keep.
/// </summary>
public sealed class FormTeams
{
    /// <summary>
    /// Up to this many eligible (professional, challenge, role) options CP-SAT runs; above, the heuristic. Measured on
    /// generated rounds on the shared 2-core server with a 10 s limit: 14 x 70 (431 options) proven optimal in 0.35 s;
    /// 30 x 150 (2,075) not proven in 10 s but better than the heuristic (26/417 against 26/403); 50 x 300 (7,417) not
    /// proven and worse than the heuristic (44 staffed against 48); 100 x 800 (38,405) no solution at all in 5 s. When
    /// CP-SAT stops unproven, the heuristic's answer is kept if it is better.
    /// </summary>
    public const int ExactUpToOptions = 3_000;

    public const string ExactSolver = "cp-sat";

    public const string HeuristicSolver = "heuristic";

    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <exception cref="LockedMembersException">The locked members cannot be kept in a staffed team.</exception>
    /// <exception cref="ArgumentException">Two challenges or two professionals share an id.</exception>
    public TeamFormationResult Solve(TeamFormationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var round = Round.Build(problem, cancellationToken);
        var timeLimit = Math.Clamp(problem.TimeLimitSeconds, 0.1, 3600);
        if (CountModelOptions(round) <= ExactUpToOptions
            && ExactSearch.Solve(round, timeLimit, cancellationToken) is var (chosen, optimal))
        {
            var exact = Result(round, chosen, optimal, ExactSolver);
            if (optimal) return exact;
            // Out of time before the proof: the heuristic takes milliseconds at this size and is sometimes better.
            var heuristic = Result(round, LocalSearch.Solve(round, TimeSpan.FromSeconds(1), cancellationToken), optimal: false, HeuristicSolver);
            return (heuristic.StaffedCount, heuristic.TotalFit).CompareTo((exact.StaffedCount, exact.TotalFit)) > 0 ? heuristic : exact;
        }
        var left = TimeSpan.FromSeconds(timeLimit) - clock.Elapsed;
        return Result(round, LocalSearch.Solve(round, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken), optimal: false, HeuristicSolver);
    }

    /// <summary>The greedy construction alone, without local search: the benchmark's baseline.</summary>
    public static TeamFormationResult Greedy(TeamFormationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var round = Round.Build(problem, cancellationToken);
        return Result(round, LocalSearch.Construct(round, cancellationToken), optimal: false, "greedy");
    }

    /// <summary>The heuristic, whatever the size (for tests and benchmarks comparing it with CP-SAT).</summary>
    public static TeamFormationResult SolveHeuristically(TeamFormationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var round = Round.Build(problem, cancellationToken);
        var timeLimit = Math.Clamp(problem.TimeLimitSeconds, 0.1, 3600);
        return Result(round, LocalSearch.Solve(round, TimeSpan.FromSeconds(timeLimit), cancellationToken), optimal: false, HeuristicSolver);
    }

    /// <summary>CP-SAT, whatever the size; null when it found no solution in time.</summary>
    public static TeamFormationResult? SolveExactly(TeamFormationProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var round = Round.Build(problem, cancellationToken);
        return ExactSearch.Solve(round, Math.Clamp(problem.TimeLimitSeconds, 0.1, 3600), cancellationToken) is var (chosen, optimal)
            ? Result(round, chosen, optimal, ExactSolver)
            : null;
    }

    private static int CountModelOptions(Round round) => round.ByChallenge.Sum(o => o.Length);

    private static TeamFormationResult Result(Round round, int[] chosen, bool optimal, string solver)
    {
        var options = round.Options;
        var byChallenge = new List<int>[round.ChallengeCount];
        for (var c = 0; c < round.ChallengeCount; c++) byChallenge[c] = [];
        for (var p = 0; p < round.ProCount; p++)
            if (chosen[p] >= 0) byChallenge[options[chosen[p]].Challenge].Add(chosen[p]);

        var teams = new List<Team>();
        var unstaffed = new List<Unstaffed>();
        var fit = 0;
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            var id = round.Challenges[c].Id;
            if (byChallenge[c].Count == 0)
            {
                unstaffed.Add(Why(round, c, chosen));
                continue;
            }
            var members = byChallenge[c]
                .OrderBy(i => options[i].Role).ThenBy(i => options[i].Pro)
                .Select(i => new TeamMember(id, round.Pros[options[i].Pro].Id, round.RoleSkills[c][options[i].Role]))
                .ToList();
            fit += byChallenge[c].Sum(i => options[i].Fit);
            teams.Add(new Team(id, members));
        }
        return new TeamFormationResult(teams, unstaffed, teams.Count, fit, optimal, solver);
    }

    /// <summary>
    /// Why challenge <paramref name="c"/> is empty: a role nobody in the round can fill (or fewer than it needs); else
    /// fewer people than the minimum size could join at all; else a role whose candidates are all in other teams;
    /// else (every role could be filled from those left, but not up to the minimum size together) too small.
    /// </summary>
    private static Unstaffed Why(Round round, int c, int[] chosen)
    {
        var id = round.Challenges[c].Id;
        var roles = round.RoleCounts[c];
        for (var r = 0; r < roles.Length; r++)
            if (round.EligibleCount[c][r] < roles[r]) return new Unstaffed(id, UnstaffedReason.NobodyForRole, round.RoleSkills[c][r]);
        if (roles.Length == 0) return new Unstaffed(id, UnstaffedReason.NobodyForRole, null);
        if (round.DistinctEligible[c] < round.Target[c] || !round.Staffable[c]) return new Unstaffed(id, UnstaffedReason.TooSmall, null);
        var free = new int[roles.Length];
        foreach (var i in round.ByChallenge[c])
            if (chosen[round.Options[i].Pro] < 0) free[round.Options[i].Role]++;
        for (var r = 0; r < roles.Length; r++)
            if (free[r] < roles[r]) return new Unstaffed(id, UnstaffedReason.TakenByOtherTeams, round.RoleSkills[c][r]);
        return new Unstaffed(id, UnstaffedReason.TooSmall, null);
    }
}
