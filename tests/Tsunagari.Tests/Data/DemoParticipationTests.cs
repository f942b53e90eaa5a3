using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Tests.Features.Directory;

namespace Tsunagari.Tests.Data;

public sealed class DemoParticipationTests(DemoDirectoryTests.DemoApp app) : IClassFixture<DemoDirectoryTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_a_few_hundred_sign_ups_and_the_demo_residents_record_and_seeding_twice_adds_nothing()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var count = await db.SignUps.CountAsync(cancel);
        Assert.InRange(count, 300, 600);

        var resident = await db.Users.Where(u => u.Email == DemoParticipation.DemoResidentEmail).Select(u => u.Id).SingleAsync(cancel);
        var mine = await db.SignUps.AsNoTracking().Where(s => s.AccountId == resident).ToListAsync(cancel);
        Assert.True(mine.Count(s => s.CheckedInAt is not null) >= 5, "attended past activities");
        Assert.Contains(mine.Where(s => s.CheckedInAt is not null).GroupBy(s => s.OrganizationId), g => g.Count() >= 3);
        Assert.Contains(mine, s => s.Status == SignUpStatus.Confirmed && s.CheckedInAt is null);
        Assert.Contains(mine, s => s.Status == SignUpStatus.Waitlisted);
        Assert.Contains(mine, s => s.Status == SignUpStatus.Pending && s.Answers.Count == 1);
        Assert.Equal(2, await db.Opportunities.CountAsync(o => o.RequiresApproval && o.Status == OpportunityStatus.Published, cancel));
        Assert.True(await db.SignUps.CountAsync(s => s.Status == SignUpStatus.Pending, cancel) >= 4, "approvals waiting");
        Assert.Contains(await db.HoursReports.Where(r => r.AccountId == resident).Select(r => r.Status).ToListAsync(cancel), s => s == HoursReportStatus.Approved);
        // Their record went through SaveChanges, so the journeys' outbox names their pairs.
        Assert.True(await db.JourneyChanges.AnyAsync(c => c.AccountId == resident, cancel));
        // The generated rows bypassed SaveChanges; the journeys were computed for all pairs after the load.
        Assert.True(await db.Journeys.AnyAsync(j => j.AccountId == resident, cancel));
        Assert.True(await db.Journeys.CountAsync(cancel) > 50, "journeys of the generated residents");

        // No seat beyond a capacity, no one twice for an occurrence.
        var all = await db.SignUps.AsNoTracking().Select(s => new { s.OpportunityId, s.Occurrence, s.AccountId, s.Seat }).ToListAsync(cancel);
        Assert.Equal(all.Count, all.Select(s => (s.OpportunityId, s.Occurrence, s.AccountId)).Distinct().Count());
        var capacities = await db.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Capacity, cancel);
        Assert.All(all.Where(s => s.Seat is not null), s => Assert.InRange(s.Seat!.Value, 1, capacities[s.OpportunityId]!.Value));

        foreach (var seed in scope.ServiceProvider.GetServices<ISeed>().OfType<DemoDirectory>()) await seed.RunAsync();
        Assert.Equal(count, await db.SignUps.CountAsync(cancel));
        Assert.Equal(DemoDirectory.OpportunityCount + DemoParticipation.PastOpportunities, await db.Opportunities.CountAsync(cancel));
    }
}
