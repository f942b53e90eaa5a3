using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// The exact solver: CP-SAT on one Boolean per eligible option and one per challenge ("staffed"), solved in two phases
/// for the lexicographic objective: first the most staffed challenges, then, with that many fixed, the most fit.
/// Two phases rather than one weighted sum because the weight would have to exceed any possible fit total, which
/// makes the bound weak and the proof slow.
/// </summary>
internal static class ExactSearch
{
    /// <summary>The chosen option per professional (-1: none), and whether both phases were proven optimal; null when CP-SAT found nothing in time.</summary>
    public static (int[] Chosen, bool Optimal)? Solve(Round round, double timeLimitSeconds, CancellationToken cancellationToken)
    {
        var options = round.Options;
        var model = new CpModel();
        var x = new Dictionary<int, BoolVar>();
        var staffed = new BoolVar?[round.ChallengeCount];
        for (var c = 0; c < round.ChallengeCount; c++)
        {
            if (!round.Staffable[c]) continue;
            var y = staffed[c] = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"y{c}"));
            var all = new List<BoolVar>();
            var byRole = new List<BoolVar>[round.RoleSkills[c].Length];
            for (var r = 0; r < byRole.Length; r++) byRole[r] = [];
            foreach (var i in round.ByChallenge[c])
            {
                var v = x[i] = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"x{i}"));
                all.Add(v);
                byRole[options[i].Role].Add(v);
            }
            for (var r = 0; r < byRole.Length; r++)
                model.Add(LinearExpr.Sum(byRole[r]) >= round.RoleCounts[c][r] * y);
            model.Add(LinearExpr.Sum(all) >= round.Target[c] * y);
            model.Add(LinearExpr.Sum(all) <= round.MaxSize(c) * y);
            if (round.HasLocked[c]) model.Add(y == 1);
        }
        for (var p = 0; p < round.ProCount; p++)
        {
            if (round.ByPro[p].Length > 1) model.AddAtMostOne(round.ByPro[p].Select(i => x[i]));
            if (round.LockedOption[p] >= 0) model.Add(x[round.LockedOption[p]] == 1);
        }
        var ys = staffed.OfType<BoolVar>().ToList();
        var clock = Stopwatch.StartNew();

        // Phase 1: the most staffed challenges. It is usually the easy half; it gets at most half the time.
        model.Maximize(LinearExpr.Sum(ys));
        var (status1, values1, best) = Run(model, x, ys, timeLimitSeconds / 2, cancellationToken);
        if (status1 == CpSolverStatus.Infeasible)
        {
            var locked = Enumerable.Range(0, round.ChallengeCount).First(c => round.HasLocked[c]);
            throw new LockedMembersException(LockProblem.CannotStaff, round.Challenges[locked].Id, null);
        }
        if (values1 is null) return null;

        // Phase 2: that many staffed (at least; proven optimal means exactly), then the most fit, starting from phase 1.
        model.Add(LinearExpr.Sum(ys) >= best);
        // Maximize replaces the phase 1 objective.
        model.Maximize(LinearExpr.WeightedSum(x.Keys.Select(i => x[i]), x.Keys.Select(i => (long)options[i].Fit)));
        foreach (var (i, v) in x) model.AddHint(v, values1[i] ? 1 : 0);
        var remaining = Math.Max(timeLimitSeconds - clock.Elapsed.TotalSeconds, timeLimitSeconds / 10);
        var (status2, values2, _) = Run(model, x, ys, remaining, cancellationToken);
        var values = values2 ?? values1;

        var chosen = new int[round.ProCount];
        Array.Fill(chosen, -1);
        foreach (var (i, v) in x)
            if (values[i]) chosen[options[i].Pro] = i;
        return (chosen, status1 == CpSolverStatus.Optimal && status2 == CpSolverStatus.Optimal);
    }

    private static (CpSolverStatus Status, Dictionary<int, bool>? Values, long Objective) Run(
        CpModel model, Dictionary<int, BoolVar> x, List<BoolVar> ys, double seconds, CancellationToken cancellationToken)
    {
        using var solver = new CpSolver
        {
            // One worker: CP-SAT is then deterministic (same input, same teams; with two workers, ties between equally good
            // teams came out differently from run to run), and a what-if run leaves the other core to the server.
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:1,random_seed:1,max_time_in_seconds:{Math.Max(seconds, 0.1):0.###}"),
        };
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (status, null, 0);
        var values = x.ToDictionary(kv => kv.Key, kv => solver.BooleanValue(kv.Value));
        return (status, values, ys.Count == 0 ? 0 : (long)Math.Round(solver.ObjectiveValue));
    }
}
