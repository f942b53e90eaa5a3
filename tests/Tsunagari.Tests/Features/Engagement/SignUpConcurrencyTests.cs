using System.Net;
using System.Net.Http.Json;
using Tsunagari.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>
/// Twenty people press "sign up" at once for three places. The seat's unique index makes all but one insert per seat
/// fail; the losers read again and take the next seat or the waitlist. Run on SQLite and on PostgreSQL
/// (TEST_DATABASE=Postgres): never more than the capacity confirmed, never a 5xx.
/// </summary>
public sealed class SignUpConcurrencyTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Twenty_parallel_sign_ups_for_three_places_confirm_exactly_three()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "先着の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 3);
        var people = new List<HttpClient>();
        for (var i = 0; i < 20; i++) people.Add((await SignUpData.ResidentAsync(app)).Browser);

        using var start = new SemaphoreSlim(0, people.Count);
        var requests = people.Select(async browser =>
        {
            await start.WaitAsync();
            return await browser.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { });
        }).ToList();
        start.Release(people.Count);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal(20, signUps.Count);
        var confirmed = signUps.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        Assert.Equal(3, confirmed.Count);
        Assert.Equal([1, 2, 3], confirmed.Select(s => s.Seat!.Value).Order());
        Assert.Equal(17, signUps.Count(s => s.Status == SignUpStatus.Waitlisted && s.Seat is null));
    }

    [Fact]
    public async Task Parallel_cancellations_and_sign_ups_never_overbook()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "入れ替わりの会");
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 2);
        var people = new List<HttpClient>();
        for (var i = 0; i < 8; i++) people.Add((await SignUpData.ResidentAsync(app)).Browser);
        foreach (var browser in people.Take(4))
            Assert.Equal(HttpStatusCode.Created, (await browser.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { })).StatusCode);
        var held = (await SignUpData.SignUpsAsync(app, id)).Where(s => s.Status == SignUpStatus.Confirmed).Select(s => s.Id).ToList();

        // The two confirmed people cancel while four more sign up.
        var tasks = new List<Task<HttpResponseMessage>>();
        foreach (var signUpId in held)
            foreach (var browser in people.Take(4))
                tasks.Add(browser.PostAsJsonAsync($"/api/v1/signups/{signUpId}/cancel", new { reason = "" }));
        tasks.AddRange(people.Skip(4).Select(b => b.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { })));
        var responses = await Task.WhenAll(tasks);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);

        var signUps = await SignUpData.SignUpsAsync(app, id);
        var confirmed = signUps.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        Assert.Equal(2, confirmed.Count);
        Assert.Equal(confirmed.Count, confirmed.Select(s => s.Seat).Distinct().Count());
        Assert.All(confirmed, s => Assert.InRange(s.Seat!.Value, 1, 2));
        Assert.Equal(4, signUps.Count(s => s.Status == SignUpStatus.Waitlisted));
    }
}
