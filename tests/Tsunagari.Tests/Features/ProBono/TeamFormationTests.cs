using System.Globalization;
using Tsunagari.Features.ProBono.TeamFormation;

namespace Tsunagari.Tests.Features.ProBono;

public sealed class TeamFormationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> NoGroupings = new(StringComparer.Ordinal);

    /// <summary>
    /// Worked by hand. A needs p1 (the only designer) and p2 (the only web developer); B needs p5 and p7 (p6 has a
    /// conflict with B). Both need a marketer: p4 fits A best (3 + field + place = 5) and p3 fits B best (2 + field +
    /// online = 4), total 5+2+5 + 2+3+4 = 21; the swap gives 17. C needs IT, which nobody has. D (design, marketing)
    /// could be staffed from p1, p3, p4, p8, but only instead of A or B, and {A, B} is worth more.
    /// </summary>
    public static TeamFormationProblem Small(IReadOnlyList<TeamMember>? locked = null, IReadOnlyList<(string, string)>? excluded = null) => new()
    {
        Challenges =
        [
            new("A", 1, "121011", false, 4, [new("design", 1), new("web", 1), new("marketing", 1)], 3, 4),
            new("B", 2, null, true, 2, [new("accounting", 1), new("law", 1), new("marketing", 1)], 3, 3, "orgB"),
            new("C", null, null, true, 1, [new("it", 1), new("design", 1)], 3, 5),
            new("D", null, null, false, 1, [new("design", 1), new("marketing", 1)], 3, 5),
        ],
        Professionals =
        [
            Pro("p1", new() { ["design"] = 3, ["marketing"] = 1 }, 5, [1], ["121011"], online: false),
            Pro("p2", new() { ["web"] = 2 }, 4, [], [], online: false),
            Pro("p3", new() { ["marketing"] = 2 }, 4, [2], [], online: true),
            Pro("p4", new() { ["marketing"] = 3 }, 10, [1], ["121011"], online: false),
            Pro("p5", new() { ["accounting"] = 1 }, 2, [], [], online: true),
            Pro("p6", new() { ["law"] = 2 }, 3, [], [], online: true, conflicts: ["orgB"]),
            Pro("p7", new() { ["law"] = 1 }, 2, [2], [], online: true),
            Pro("p8", new() { ["design"] = 1 }, 1, [], [], online: false),
        ],
        Locked = locked ?? [],
        Excluded = excluded ?? [],
        GroupingOf = NoGroupings,
    };

    private static ProfessionalOffer Pro(string id, Dictionary<string, int> skills, int hours, int[] fields, string[] places, bool online, string[]? conflicts = null) =>
        new(id, skills, hours, fields, places, online, conflicts ?? []);

    private static string Teams(TeamFormationResult result) =>
        string.Join(" ", result.Teams.Select(t => t.ChallengeId + ":" + string.Join(",", t.Members.Select(m => m.ProfessionalId + "/" + m.Role).Order(StringComparer.Ordinal))));

    [Fact]
    public void The_hand_checked_round_gets_its_known_optimum_from_both_solvers()
    {
        var problem = Small();
        foreach (var result in new[] { new FormTeams().Solve(problem, TestContext.Current.CancellationToken), FormTeams.SolveHeuristically(problem) })
        {
            Assert.Empty(TeamFormationChecker.Violations(problem, result));
            Assert.Equal(2, result.StaffedCount);
            Assert.Equal(21, result.TotalFit);
            Assert.Equal("A:p1/design,p2/web,p4/marketing B:p3/marketing,p5/accounting,p7/law", Teams(result));
            Assert.Equal(
                [new Unstaffed("C", UnstaffedReason.NobodyForRole, "it"), new Unstaffed("D", UnstaffedReason.TakenByOtherTeams, "marketing")],
                result.Unstaffed);
        }
        var exact = new FormTeams().Solve(problem, TestContext.Current.CancellationToken);
        Assert.Equal(FormTeams.ExactSolver, exact.Solver);
        Assert.True(exact.Optimal);
        Assert.False(FormTeams.SolveHeuristically(problem).Optimal);
    }

    [Fact]
    public void Excluded_pairs_and_locked_members_change_the_teams_as_the_rules_say()
    {
        // p3 declined B: B takes p4 (3), A takes p3 (2): 9 + 8 = 17.
        var excluded = Small(excluded: [("B", "p3")]);
        var locked = Small(locked: [new TeamMember("B", "p4", "marketing")]);
        foreach (var problem in new[] { excluded, locked })
            foreach (var result in new[] { new FormTeams().Solve(problem, TestContext.Current.CancellationToken), FormTeams.SolveHeuristically(problem) })
            {
                Assert.Empty(TeamFormationChecker.Violations(problem, result));
                Assert.Equal("A:p1/design,p2/web,p3/marketing B:p4/marketing,p5/accounting,p7/law", Teams(result));
                Assert.Equal(17, result.TotalFit);
            }
    }

    [Theory]
    [InlineData("B", "p6", "law", LockProblem.NotEligible)] // p6 has a conflict with B's organization
    [InlineData("C", "p1", "design", LockProblem.CannotStaff)] // nobody can do C's IT role
    [InlineData("A", "p2", "law", LockProblem.UnknownRole)]
    [InlineData("X", "p2", "web", LockProblem.UnknownChallenge)]
    [InlineData("A", "p9", "web", LockProblem.UnknownProfessional)]
    public void Locked_members_that_cannot_be_kept_are_refused_with_the_reason(string challenge, string pro, string role, LockProblem expected)
    {
        var problem = Small(locked: [new TeamMember(challenge, pro, role)]);
        Assert.Equal(expected, Assert.Throws<LockedMembersException>(() => new FormTeams().Solve(problem, TestContext.Current.CancellationToken)).Problem);
        Assert.Equal(expected, Assert.Throws<LockedMembersException>(() => FormTeams.SolveHeuristically(problem)).Problem);
    }

    [Fact]
    public void A_team_too_small_for_its_minimum_is_left_empty_with_that_reason()
    {
        var problem = Small() with
        {
            Challenges = [new("E", null, null, true, 1, [new("web", 1)], 2, 3)],
        };
        var result = new FormTeams().Solve(problem, TestContext.Current.CancellationToken);
        Assert.Equal([new Unstaffed("E", UnstaffedReason.TooSmall, null)], result.Unstaffed);
    }

    [Fact]
    public void Every_constraint_holds_on_random_rounds_for_both_solvers()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 40; round++)
        {
            var problem = TeamFormationRounds.Generate(1000 + round, random.Next(2, 16), random.Next(8, 90), timeLimitSeconds: 5);
            // Some declines, and a member of a feasible team locked, as a coordinator would.
            var first = FormTeams.SolveHeuristically(problem);
            var excluded = problem.Professionals.Take(5).Select(p => (problem.Challenges[random.Next(problem.Challenges.Count)].Id, p.Id)).ToList();
            // The locked member's team stays feasible: no decline touches its challenge.
            var locked = first.Teams.Where(t => !excluded.Any(e => e.Item1 == t.ChallengeId)).Take(1).Select(t => t.Members[0]).ToList();
            problem = problem with { Excluded = excluded, Locked = locked };
            var exact = new FormTeams().Solve(problem, TestContext.Current.CancellationToken);
            var heuristic = FormTeams.SolveHeuristically(problem);
            Assert.Empty(TeamFormationChecker.Violations(problem, exact));
            Assert.Empty(TeamFormationChecker.Violations(problem, heuristic));
            Assert.Empty(TeamFormationChecker.Violations(problem, FormTeams.Greedy(problem)));
            Assert.True(heuristic.StaffedCount <= exact.StaffedCount || !exact.Optimal);
        }
    }

    [Fact]
    public void The_heuristic_staffs_as_many_and_reaches_95_percent_of_the_proven_optimal_fit()
    {
        int totalExact = 0, totalHeuristic = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var problem = TeamFormationRounds.Generate(seed, 14, 70, timeLimitSeconds: 30);
            var exact = FormTeams.SolveExactly(problem, TestContext.Current.CancellationToken)!;
            var heuristic = FormTeams.SolveHeuristically(problem, TestContext.Current.CancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: optimum {exact.StaffedCount} staffed / fit {exact.TotalFit}; heuristic {heuristic.StaffedCount} / {heuristic.TotalFit} ({100.0 * heuristic.TotalFit / exact.TotalFit:0.0} %)"));
            Assert.True(exact.Optimal, $"seed {seed}: CP-SAT did not prove the optimum");
            Assert.Equal(exact.StaffedCount, heuristic.StaffedCount);
            Assert.True(heuristic.TotalFit >= 0.95 * exact.TotalFit, $"seed {seed}: {heuristic.TotalFit} < 95 % of {exact.TotalFit}");
            totalExact += exact.TotalFit;
            totalHeuristic += heuristic.TotalFit;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all: heuristic {totalHeuristic} / optimum {totalExact} = {100.0 * totalHeuristic / totalExact:0.0} %"));
    }

    [Fact]
    public void The_same_round_gives_the_same_teams()
    {
        var problem = TeamFormationRounds.Generate(7, 14, 70);
        Assert.Equal(Teams(new FormTeams().Solve(problem, TestContext.Current.CancellationToken)), Teams(new FormTeams().Solve(problem, TestContext.Current.CancellationToken)));
        Assert.Equal(Teams(FormTeams.SolveHeuristically(problem)), Teams(FormTeams.SolveHeuristically(problem)));
    }

    [Fact]
    public void Large_rounds_go_to_the_heuristic_and_small_ones_to_cp_sat()
    {
        Assert.Equal(FormTeams.ExactSolver, new FormTeams().Solve(TeamFormationRounds.Generate(3, 10, 50), TestContext.Current.CancellationToken).Solver);
        var large = new FormTeams().Solve(TeamFormationRounds.Generate(3, 120, 1500), TestContext.Current.CancellationToken);
        Assert.Equal(FormTeams.HeuristicSolver, large.Solver);
        Assert.False(large.Optimal);
    }
}
