using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Hardening;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>
/// The pro bono pages send a few SQL commands, the same with one team as with four (the coordinator's pages are not in
/// <see cref="QueryCountTests"/>, which has no coordinator).
/// </summary>
public sealed class ProBonoQueryCountTests(CountingApp app) : IClassFixture<CountingApp>
{
    private const int Bound = 10;

    [Fact]
    public async Task Pro_bono_pages_send_a_few_commands_whatever_the_amount_of_data()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "件数の会");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var (professional, _) = await ProBonoData.ProfessionalAsync(app, "design");
        var challengeId = await ProBonoData.ChallengeAsync(app, organizationId);
        var roundId = await ProBonoData.RoundAsync(app, challengeId);
        await AddAsync(organizationId, 1);
        await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Run");
        await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Send");
        var small = await CountAsync(admin, coordinator, professional, organizationId, challengeId, roundId);

        await AddAsync(organizationId, 3, roundId);
        await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Run");
        await coordinator.PostFormAsync($"/probono/rounds/{roundId}", [], "Send");
        var large = await CountAsync(admin, coordinator, professional, organizationId, challengeId, roundId);

        var report = small.Keys.Where(url => small[url] > Bound || large[url] != small[url])
            .Select(url => $"{url}: {small[url]} commands with little data, {large[url]} with more").ToList();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    /// <summary>More challenges (in the round when given, else waiting for review) and a full team of professionals for each.</summary>
    private async Task AddAsync(Guid organizationId, int count, Guid? roundId = null)
    {
        for (var i = 0; i < count; i++)
        {
            var id = await ProBonoData.ChallengeAsync(app, organizationId);
            await ProBonoData.ChallengeAsync(app, organizationId, ChallengeStatus.Submitted);
            if (roundId is { } round)
            {
                await using var scope = app.Scope();
                var db = scope.ServiceProvider.GetRequiredService<Tsunagari.Data.AppDbContext>();
                (await db.Challenges.FindAsync(id))!.AddToRound(round, 3, 5, DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
            }
            foreach (var skill in new[] { "project-management", "marketing", "design" })
                await ProBonoData.ProfessionalAsync(app, skill);
        }
    }

    private async Task<Dictionary<string, int>> CountAsync(HttpClient admin, HttpClient coordinator, HttpClient professional, Guid organizationId, Guid challengeId, Guid roundId)
    {
        var pages = new (HttpClient Client, string Url)[]
        {
            (admin, $"/organizations/{organizationId}/challenges"),
            (admin, $"/probono/challenges/{challengeId}"),
            (coordinator, "/probono/review"),
            (coordinator, "/probono/rounds"),
            (coordinator, $"/probono/rounds/{roundId}"),
            (coordinator, $"/probono/challenges/{challengeId}?staff"),
            (professional, "/me/probono"),
        };
        return await app.CountCommandsAsync(pages);
    }
}
