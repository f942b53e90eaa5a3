using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Tests.Data;

public sealed class ParticipationSeedTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Seeding_at_scale_loads_exactly_the_participations_asked_for_without_overbooking()
    {
        var cancel = TestContext.Current.CancellationToken;
        var command = Command.Parse(["seed", "--scale", "prefecture", "--organizations", "40", "--opportunities", "200", "--residents", "400", "--participations", "3000"]);
        Assert.True(DirectoryScale.TryParse(command.Options, out var scale, out var error), error);
        var output = new StringWriter();
        Assert.Equal(0, await SeedAtScale.RunAsync(app.Services, scale, output, cancel));
        Assert.Contains("participations 3000/3000", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\d+ journeys\)", output.ToString());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var signUps = await db.SignUps.AsNoTracking().ToListAsync(cancel);
        Assert.Equal(3000, signUps.Count);
        var opportunities = await db.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id, cancel);
        var registered = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.CreatedAt, cancel);

        // The directory keeps its size; the history happened at closed opportunities of the past three years.
        Assert.Equal(200, opportunities.Values.Count(o => o.Status != OpportunityStatus.Closed));
        Assert.Equal(30, opportunities.Values.Count(o => o.Status == OpportunityStatus.Closed));
        Assert.All(opportunities.Values.Where(o => o.Status == OpportunityStatus.Closed), o => Assert.InRange(o.StartsAt, now.AddYears(-3).AddDays(-1), now));

        // No one twice for an occurrence; a seat per confirmed place under a capacity, never beyond it, never twice.
        Assert.Equal(signUps.Count, signUps.Select(s => (s.OpportunityId, s.Occurrence, s.AccountId)).Distinct().Count());
        foreach (var occurrence in signUps.GroupBy(s => (s.OpportunityId, s.Occurrence)))
        {
            var capacity = opportunities[occurrence.Key.OpportunityId].Capacity;
            var seats = occurrence.Where(s => s.Seat is not null).Select(s => s.Seat!.Value).ToList();
            Assert.Equal(seats.Count, seats.Distinct().Count());
            if (capacity is null)
            {
                Assert.Empty(seats);
                continue;
            }
            Assert.All(seats, seat => Assert.InRange(seat, 1, capacity.Value));
            Assert.All(occurrence.Where(s => s.Status == SignUpStatus.Confirmed), s => Assert.NotNull(s.Seat));
            Assert.All(occurrence.Where(s => s.Status != SignUpStatus.Confirmed), s => Assert.Null(s.Seat));
            if (occurrence.Any(s => s.Status == SignUpStatus.Waitlisted)) Assert.Equal(capacity, seats.Count);
        }

        // Attendance: past, with hours and how the person was checked in; a sign-up after its account existed.
        var attended = signUps.Where(s => s.CheckedInAt is not null).ToList();
        Assert.InRange(attended.Count, signUps.Count / 2, signUps.Count);
        Assert.All(attended, s =>
        {
            Assert.Equal(SignUpStatus.Confirmed, s.Status);
            Assert.True(s.CheckedInAt < now);
            Assert.InRange(s.Hours!.Value, 1m, 4m);
            Assert.NotNull(s.CheckInMethod);
            Assert.True(registered[s.AccountId] <= s.CreatedAt, "signed up after registering");
        });
        Assert.Contains(signUps, s => s.Status == SignUpStatus.Cancelled && s.CancellationReason.Length > 0);
        Assert.Contains(signUps, s => s.Status == SignUpStatus.Confirmed && s.CheckedInAt is null && s.CreatedAt < now.AddDays(-30));
        Assert.Contains(signUps, s => s.Occurrence != SignUp.WholeOpportunity);
        Assert.Contains(signUps, s => s.Occurrence == SignUp.WholeOpportunity);
        Assert.All(signUps, s => Assert.Equal(opportunities[s.OpportunityId].OrganizationId, s.OrganizationId));

        // Heavy-tailed: many come once, a few are regulars with one organization.
        var perPerson = attended.GroupBy(s => s.AccountId).Select(g => g.Count()).ToList();
        Assert.Contains(1, perPerson);
        Assert.True(perPerson.Max() >= 10, $"the most active person attended {perPerson.Max()} times");
        Assert.Contains(attended.GroupBy(s => (s.AccountId, s.OrganizationId)), g => g.Count() >= 3);

        var profiles = await db.ResidentProfiles.AsNoTracking().ToListAsync(cancel);
        // Every generated resident has a profile (the demo accounts have their own).
        var residents = await db.Users.AsNoTracking().Where(u => !u.IsDemo).Select(u => u.Id).ToListAsync(cancel);
        Assert.Subset(profiles.Select(p => p.AccountId).ToHashSet(), residents.ToHashSet());
        Assert.Contains(profiles, p => p.Skills.Count > 0 && p.Interests.Count > 0 && p.MunicipalityCode is not null);
        Assert.True(await db.Memberships.AnyAsync(m => m.Role == MembershipRole.Member, cancel), "faithful regulars became members");
        Assert.True(await db.Journeys.AnyAsync(j => j.Stage == JourneyStage.Participation, cancel), "regulars' journeys went past the first experience");

        // The journeys loaded with the records are what the journey rules compute from the stored records (the founder's
        // memberships of the directory are left out: they reach the journeys through the outbox, not the bulk load).
        var founder = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => u.Id).SingleAsync(cancel);
        async Task<(List<string> Journeys, List<string> Transitions)> SnapshotAsync() => (
            [.. (await db.Journeys.AsNoTracking().Where(j => j.AccountId != founder).ToListAsync(cancel))
                .Select(j => $"{j.AccountId} {j.OrganizationId} {j.Stage} {j.StageSince:O} {j.FirstActivityAt:O} {j.LastActivityAt:O} {j.Activities} {j.Hours:F2} {j.MunicipalityCode}").Order(StringComparer.Ordinal)],
            [.. (await db.StageTransitions.AsNoTracking().Where(t => t.AccountId != founder).ToListAsync(cancel))
                .Select(t => $"{t.AccountId} {t.OrganizationId} {t.From} {t.To} {t.At:O} {t.Cause} {t.Detail}").Order(StringComparer.Ordinal)]);
        var loaded = await SnapshotAsync();
        Assert.NotEmpty(loaded.Journeys);
        var pairs = await db.Journeys.AsNoTracking().Where(j => j.AccountId != founder).Select(j => new { j.AccountId, j.OrganizationId }).ToListAsync(cancel);
        await ActivatorUtilities.CreateInstance<Tsunagari.Features.Engagement.Journeys.UpdateJourneys>(scope.ServiceProvider)
            .UpdateAsync(pairs.Select(p => (p.AccountId, p.OrganizationId)), cancel);
        var recomputed = await SnapshotAsync();
        Assert.Equal(loaded.Journeys, recomputed.Journeys);
        Assert.Equal(loaded.Transitions, recomputed.Transitions);

        // The unique indexes, dropped for the load, are back: a second sign-up or a second holder of a seat is refused.
        var seated = signUps.First(s => s.Seat is not null);
        db.SignUps.Add(new SignUp(seated.OpportunityId, seated.OrganizationId, seated.AccountId, seated.Occurrence, now));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(cancel));
        db.ChangeTracker.Clear();
        var stranger = registered.Keys.First(id => !signUps.Exists(s => s.OpportunityId == seated.OpportunityId && s.Occurrence == seated.Occurrence && s.AccountId == id));
        db.SignUps.Add(new SignUp(seated.OpportunityId, seated.OrganizationId, stranger, seated.Occurrence, now) { Status = SignUpStatus.Confirmed, Seat = seated.Seat });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(cancel));
    }

    private static (List<GenerateParticipation.Person> People, List<GenerateParticipation.Offered> Offered, DateTimeOffset Now) World()
    {
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(3);
        var people = Enumerable.Range(0, 300)
            .Select(i => new GenerateParticipation.Person(new Guid(i + 1, 0, 0, new byte[8]), now.AddDays(-1100 + i * 3))).ToList();
        var offered = Enumerable.Range(0, 60).Select(i =>
        {
            var start = now.AddDays(-random.Next(20, 1000));
            return new GenerateParticipation.Offered(new Guid(0, (short)i, 1, new byte[8]), new Guid(0, (short)(i % 7), 2, new byte[8]),
                i % 2 == 0 ? "121002" : "122033", i % 9 == 0, start, start.AddHours(2), i % 3 == 0 ? "FREQ=WEEKLY;BYDAY=SA;COUNT=8" : null,
                i % 4 == 0 ? null : 10 + i % 20, i % 10 == 0, 1 + i % 20);
        }).ToList();
        return (people, offered, now);
    }

    [Fact]
    public void The_same_seed_generates_the_same_participation_and_exactly_as_many()
    {
        var (people, offered, now) = World();
        List<string> Generate(int seed)
        {
            var generate = new GenerateParticipation(new Random(seed), people, offered, ["121002", "122033", "122041"], 900, now, Guid.Empty);
            return [.. generate.SignUps().Select(s => $"{s.Id} {s.OpportunityId} {s.Occurrence} {s.AccountId} {s.Status} {s.Seat} {s.CheckedInAt:O} {s.Hours} {s.CheckInMethod}")];
        }

        var first = Generate(7);
        Assert.Equal(900, first.Count);
        Assert.Equal(first, Generate(7));
        Assert.NotEqual(first, Generate(8));
    }

    [Fact]
    public void A_weekly_or_monthly_series_gives_its_occurrences()
    {
        var start = new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.FromHours(9)); // the second Saturday
        Assert.Null(GenerateParticipation.OccurrencesOf(start, null));
        var weekly = GenerateParticipation.OccurrencesOf(start, "FREQ=WEEKLY;BYDAY=SA;COUNT=3")!;
        Assert.Equal([start, start.AddDays(7), start.AddDays(14)], weekly);
        var monthly = GenerateParticipation.OccurrencesOf(start, "FREQ=MONTHLY;BYDAY=2SA;COUNT=3")!;
        Assert.Equal([10, 14, 14], monthly.Select(d => d.Day));
        Assert.All(monthly, d => Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek));
    }
}
