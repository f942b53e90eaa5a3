using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>Challenges, professionals and rounds for the pro bono tests, made through the pages or straight in the database.</summary>
public static class ProBonoData
{
    /// <summary>A valid challenge form: 1 project manager, 1 marketer, 1 designer, in Chiba's 中央区, 4 hours a week.</summary>
    public static Dictionary<string, string> ChallengeForm(string title = "子ども食堂の広報を立て直したい") => new()
    {
        ["Input.Title"] = title,
        ["Input.Situation"] = "毎週土曜に子ども食堂を開いています。",
        ["Input.Problem"] = "地域に知られていません。",
        ["Input.Goal"] = "チラシとウェブサイトで利用者を倍にしたい。",
        ["Input.Deliverable"] = "Website",
        ["Input.Roles[project-management]"] = "1",
        ["Input.Roles[marketing]"] = "1",
        ["Input.Roles[design]"] = "1",
        ["Input.HoursPerWeek"] = "4",
        ["Input.StartsOn"] = "2027-01-10",
        ["Input.EndsOn"] = "2027-02-10",
        ["Input.Mode"] = "Either",
        ["Input.MunicipalityCode"] = "121011",
        ["Input.Field"] = "13",
    };

    public static ChallengeDetails Details(string title = "会計の仕組みづくり", params ChallengeRole[] roles) =>
        new(title, "現状", "課題", "目標", DeliverableKind.Accounting,
            roles.Length > 0 ? roles : [new("project-management", 1), new("marketing", 1), new("design", 1)],
            4, new DateOnly(2027, 1, 10), new DateOnly(2027, 2, 10), WorkMode.Either, "121011", 13);

    public static async Task<Guid> ChallengeAsync(TestApp app, Guid organizationId, ChallengeStatus status = ChallengeStatus.Accepted, ChallengeDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var challenge = new Challenge(organizationId, founder, details ?? Details(), DateTimeOffset.UtcNow);
        if (status == ChallengeStatus.Accepted) challenge.Accept(founder, "", DateTimeOffset.UtcNow);
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync();
        return challenge.Id;
    }

    public static Task<Guid> RoundAsync(TestApp app, params Guid[] challenges) => RoundAsync(app, 5, challenges);

    public static async Task<Guid> RoundAsync(TestApp app, int maxSize, params Guid[] challenges)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var creator = await db.Users.Select(u => u.Id).FirstAsync();
        var round = new MatchingRound("テストの回", 3, maxSize, creator, DateTimeOffset.UtcNow);
        db.MatchingRounds.Add(round);
        foreach (var id in challenges)
            (await db.Challenges.SingleAsync(c => c.Id == id)).AddToRound(round.Id, 3, maxSize, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>A signed-in resident with an active pro bono profile offering one skill at the level given.</summary>
    public static async Task<(HttpClient Browser, Guid Id)> ProfessionalAsync(TestApp app, string skill, int level = 3, int hours = 5, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"pro-{skill}-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.ProBonoProfiles.Add(new ProBonoProfile(id, DateTimeOffset.UtcNow)
        {
            Skills = [new ProBonoSkill(skill, level)],
            HoursPerWeek = hours,
            YearsOfExperience = 5,
            AcceptsOnline = true,
            AcceptsInPerson = true,
            PreferredFields = [13],
            PreferredMunicipalities = ["121011"],
        });
        await db.SaveChangesAsync();
        return (browser, id);
    }

    /// <summary>Every professional made so far steps back, so that a test's round sees only its own.</summary>
    public static async Task DeactivateEveryoneAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProBonoProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false));
    }

    /// <summary>Signed in but not allowed: a 403, or the access-denied page.</summary>
    public static void AssertRefused(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>A staffed project: the organization's admin, the challenge, the project and its three professionals by skill.</summary>
    public sealed record Staffed(HttpClient Admin, Guid OrganizationId, Guid ChallengeId, Guid ProjectId, Dictionary<string, (HttpClient Browser, Guid Id)> Pros)
    {
        public string Url => $"/probono/projects/{ProjectId}";
    }

    /// <summary>The real way in: a round is run and sent, and the last of the three professionals to accept starts the project.</summary>
    public static async Task<Staffed> StaffedAsync(TestApp app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        await DeactivateEveryoneAsync(app);
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        var challengeId = await ChallengeAsync(app, organizationId, details: Details(name + "の課題"));
        var roundId = await RoundAsync(app, challengeId);
        var pros = new Dictionary<string, (HttpClient, Guid)>(StringComparer.Ordinal);
        foreach (var skill in new[] { "project-management", "marketing", "design" })
            pros[skill] = await ProfessionalAsync(app, skill);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Run")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Send")).StatusCode);
        var rows = await QueryAsync(app, db => db.RoundAssignments.AsNoTracking().Where(a => a.ChallengeId == challengeId).ToListAsync());
        foreach (var (browser, id) in pros.Values)
        {
            Assert.False(await QueryAsync(app, db => db.ProBonoProjects.AnyAsync(p => p.ChallengeId == challengeId)));
            var row = rows.Single(r => r.AccountId == id);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/me/probono", new() { ["assignmentId"] = row.Id.ToString() }, "Accept")).StatusCode);
        }
        var projectId = await QueryAsync(app, db => db.ProBonoProjects.Where(p => p.ChallengeId == challengeId).Select(p => p.Id).SingleAsync());
        return new Staffed(admin, organizationId, challengeId, projectId, pros);
    }

    /// <summary>A project of the organization made straight in the database (no team), for tests about its pages' inputs.</summary>
    public static async Task<Guid> ProjectAsync(TestApp app, Guid organizationId, string title = "ファイルの会の課題")
    {
        ArgumentNullException.ThrowIfNull(app);
        var challengeId = await ChallengeAsync(app, organizationId, details: Details(title));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var challenge = await db.Challenges.SingleAsync(c => c.Id == challengeId);
        var round = new MatchingRound("ファイルの回", 3, 5, challenge.SubmittedBy, DateTimeOffset.UtcNow);
        db.MatchingRounds.Add(round);
        var project = new ProBonoProject(challenge, round.Id, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow);
        db.ProBonoProjects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
