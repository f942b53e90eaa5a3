using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;
using Tsunagari.Platform;

namespace Tsunagari.Tests.Data;

public sealed class ScaleSeedTests(TestApp app) : IClassFixture<TestApp>
{
    private static DirectoryScale Parse(params string[] args)
    {
        var command = Command.Parse(["seed", .. args]);
        Assert.True(DirectoryScale.TryParse(command.Options, out var scale, out var error), error);
        return scale;
    }

    [Fact]
    public async Task Seeding_at_scale_with_small_overrides_loads_exactly_those_counts_of_every_kind_and_indexes_them()
    {
        var cancel = TestContext.Current.CancellationToken;
        var scale = Parse("--scale", "prefecture", "--organizations", "60", "--opportunities", "300", "--residents", "250");
        var output = new StringWriter();
        Assert.Equal(0, await SeedAtScale.RunAsync(app.Services, scale, output, cancel));
        Assert.Contains("organizations 60/60", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("opportunities 300/300", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("residents 250/250", output.ToString(), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(60, await db.Organizations.CountAsync(cancel));
        // Beside the directory's own, the closed opportunities where the participation history took place (ParticipationSeedTests).
        Assert.Equal(300, await db.Opportunities.CountAsync(o => o.Status != OpportunityStatus.Closed, cancel));
        var kinds = await db.Organizations.GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        Assert.Equal(scale.KindCounts().Select(k => (k.Kind, k.Count)).OrderBy(k => k.Kind), kinds.Select(k => (k.Key, k.Count)).OrderBy(k => k.Item1));
        Assert.Equal(Enum.GetValues<OrganizationKind>().Length, kinds.Count);

        var published = await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published, cancel);
        Assert.Equal(60 + published, await app.Services.GetRequiredService<SearchIndex>().CountAsync(cancel));

        // A second run refuses to add a second directory on top of the first.
        Assert.Equal(1, await SeedAtScale.RunAsync(app.Services, scale, TextWriter.Null, cancel));
        Assert.Equal(60, await db.Organizations.CountAsync(cancel));
        await TheResidentsAreThereAsync(db, cancel);
    }

    /// <summary>The 250 residents of the first test, as Identity would have them: the role, a confirmed address, no password.</summary>
    private async Task TheResidentsAreThereAsync(AppDbContext db, CancellationToken cancel)
    {
        var residents = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.Like(u.Email!, "resident0%@example.jp"))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.NormalizedEmail, u.DisplayName, u.EmailConfirmed, u.PasswordHash, u.SecurityStamp, u.CreatedAt })
            .ToListAsync(cancel);
        Assert.Equal(250, residents.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(LoadResidents.EmailOf), residents.Select(r => r.Email));
        Assert.All(residents, r =>
        {
            Assert.True(r.EmailConfirmed);
            Assert.Null(r.PasswordHash);
            Assert.False(string.IsNullOrEmpty(r.SecurityStamp));
            Assert.Equal(r.Email!.ToUpperInvariant(), r.NormalizedEmail);
        });
        var now = DateTimeOffset.UtcNow;
        Assert.All(residents, r => Assert.InRange(r.CreatedAt, now.AddYears(-3).AddDays(-1), now));
        Assert.True(residents[^1].CreatedAt - residents[0].CreatedAt > TimeSpan.FromDays(900), "registrations spread over three years");

        // Read back through Identity itself: the role link is where UserManager looks for it.
        var inRole = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.Resident).Select(x => x.UserId).ToListAsync(cancel);
        Assert.Subset(inRole.ToHashSet(), residents.Select(r => r.Id).ToHashSet());
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var first = await users.FindByEmailAsync(LoadResidents.EmailOf(1));
            Assert.NotNull(first);
            Assert.True(await users.IsInRoleAsync(first, Roles.Resident));
            Assert.False(await users.HasPasswordAsync(first));
        }

        // The same seed number gives the same residents.
        var normalizer = new UpperInvariantLookupNormalizer();
        var again = LoadResidents.MakeResidents(new Random(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TsunagariOptions>>().Value.DemoSeed + 1), 250, now, normalizer)
            .Select(a => (a.Email, a.DisplayName)).ToList();
        Assert.Equal(again, residents.Select(r => (r.Email, r.DisplayName)));

        // A prefecture admin finds a generated resident with the existing account search.
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var page = await admin.GetStringAsync(new Uri("/admin/accounts?Email=" + WebUtility.UrlEncode(LoadResidents.EmailOf(123)), UriKind.Relative), cancel);
        Assert.Contains($"/admin/accounts/{residents[122].Id}\">{LoadResidents.EmailOf(123)}</a> — {residents[122].DisplayName}", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_number_generates_the_same_residents_with_unique_addresses()
    {
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var normalizer = new UpperInvariantLookupNormalizer();
        List<Account> Generate() => [.. LoadResidents.MakeResidents(new Random(7), 250, now, normalizer)];
        var first = Generate();
        var second = Generate();
        Assert.Equal(first.Select(a => (a.Id, a.Email, a.DisplayName, a.CreatedAt)), second.Select(a => (a.Id, a.Email, a.DisplayName, a.CreatedAt)));
        Assert.Equal(250, first.Select(a => a.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(250, first.Select(a => a.Id).Distinct().Count());
        Assert.Equal("resident000001@example.jp", first[0].Email);
        Assert.True(first.Select(a => a.DisplayName).Distinct(StringComparer.Ordinal).Count() > 100, "names vary");
        // Ids are in registration order (version 7), so the primary key is appended to rather than split.
        Assert.Equal(first.OrderBy(a => a.CreatedAt).Select(a => a.Email), first.Select(a => a.Email));
        Assert.All(first, a => Assert.Equal(7, a.Id.Version));
        Assert.Equal(first.OrderBy(a => a.Id.ToString(), StringComparer.Ordinal).Select(a => a.Id), first.Select(a => a.Id));
        Assert.NotEqual(first.Select(a => a.DisplayName), LoadResidents.MakeResidents(new Random(8), 250, now, normalizer).Select(a => a.DisplayName));
    }

    [Fact]
    public async Task The_same_command_gives_the_same_data_set_ids_and_dates_included()
    {
        var cancel = TestContext.Current.CancellationToken;
        var scale = Parse("--scale", "prefecture", "--organizations", "30", "--opportunities", "150", "--residents", "200", "--participations", "1500", "--as-of", "2026-04-01");
        async Task<(string Digest, int Residents, int Profiles, int Journeys, DateTimeOffset LastActivity)> SeedAsync()
        {
            await using var fresh = new TestApp();
            await fresh.InitializeAsync();
            Assert.Equal(0, await SeedAtScale.RunAsync(fresh.Services, scale, TextWriter.Null, cancel));
            await using var scope = fresh.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The demo accounts (the founder, the decider) are made with random ids and salted passwords: left out.
            var residents = await db.Users.AsNoTracking().Where(u => !u.IsDemo && u.Email!.StartsWith("resident")).OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedAt }).ToListAsync(cancel);
            var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Kind, o.MunicipalityCodes, o.CreatedAt }).ToListAsync(cancel);
            var opportunities = await db.Opportunities.AsNoTracking().OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.OrganizationId, o.Title, o.StartsAt, o.RecurrenceRule, o.Status }).ToListAsync(cancel);
            var signUps = await db.SignUps.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.OpportunityId, s.AccountId, s.Occurrence, s.Status, s.CreatedAt }).ToListAsync(cancel);
            var generated = db.Users.Where(u => !u.IsDemo).Select(u => u.Id);
            var profiles = await db.ResidentProfiles.AsNoTracking().Where(p => generated.Contains(p.AccountId)).OrderBy(p => p.AccountId)
                .Select(p => new { p.AccountId, p.MunicipalityCode, p.Interests, p.Visibility }).ToListAsync(cancel);
            var journeys = await db.Journeys.AsNoTracking().Where(j => generated.Contains(j.AccountId)).OrderBy(j => j.AccountId).ThenBy(j => j.OrganizationId)
                .Select(j => new { j.AccountId, j.OrganizationId, j.Stage, j.StageSince, j.Activities, j.LastActivityAt }).ToListAsync(cancel);
            var digest = System.Text.Json.JsonSerializer.Serialize(new { residents, organizations, opportunities, signUps, profiles, journeys });
            return (digest, residents.Count, profiles.Count, journeys.Count, journeys.Max(j => j.LastActivityAt));
        }

        var first = await SeedAsync();
        var second = await SeedAsync();
        Assert.Equal(200, first.Residents);
        Assert.Equal(first.Residents, first.Profiles); // every resident has a profile
        Assert.True(first.Journeys > 0);
        Assert.Equal(first.Digest, second.Digest);
        // The history ends at the date asked for, whatever the day of the run.
        Assert.True(first.LastActivity <= new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), $"{first.LastActivity:O}");
    }

    [Fact]
    public void The_same_seed_number_generates_the_same_directory()
    {
        var scale = Parse("--scale", "prefecture", "--organizations", "60", "--opportunities", "300");
        var chiba = Japan.Shared.Prefecture("120006")!;
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        (List<string> Organizations, List<string> Opportunities) Generate()
        {
            var random = new Random(7);
            var organizations = DemoDirectory.MakeOrganizations(random, chiba, scale, Guid.Empty, Guid.Empty, now).ToList();
            var opportunities = DemoDirectory.MakeOpportunities(random, organizations, scale.Opportunities, now).ToList();
            return (organizations.ConvertAll(o => o.Name), opportunities.ConvertAll(o => $"{o.Title} {o.MunicipalityCode} {o.StartsAt:O}"));
        }

        var first = Generate();
        var second = Generate();
        Assert.Equal(60, first.Organizations.Count);
        Assert.Equal(300, first.Opportunities.Count);
        Assert.Equal(first.Organizations, second.Organizations);
        Assert.Equal(first.Opportunities, second.Opportunities);
    }

    [Fact]
    public void The_scales_have_the_mix_of_their_issue()
    {
        Assert.Equal([190, 170, 40, 30, 15, 35, 20], DirectoryScale.Demo.KindCounts().Select(k => k.Count));
        var prefecture = DirectoryScale.Prefecture.KindCounts();
        Assert.Equal(20_000, prefecture.Sum(k => k.Count));
        Assert.Equal(15_000, prefecture.Single(k => k.Kind == OrganizationKind.NeighbourhoodAssociation).Count);
        Assert.Equal(2_000, prefecture.Single(k => k.Kind == OrganizationKind.Npo).Count);
        Assert.Equal(1_500, prefecture.Single(k => k.Kind == OrganizationKind.Company).Count);
        Assert.Equal(200_000, DirectoryScale.Prefecture.Opportunities);
        Assert.Equal(1_000_000, DirectoryScale.Prefecture.Residents);
        Assert.Equal(0, DirectoryScale.Demo.Residents);
        Assert.Equal(0, Parse("--scale", "prefecture", "--residents", "0").Residents);
        // Scaled down, every kind is still there and the total is exact.
        foreach (var count in new[] { 7, 13, 60, 999 })
        {
            var counts = (DirectoryScale.Prefecture with { Organizations = count }).KindCounts();
            Assert.Equal(count, counts.Sum(k => k.Count));
            Assert.All(counts, k => Assert.True(k.Count > 0, $"{k.Kind} has none of {count}"));
        }
        Assert.Equal(1, (DirectoryScale.Prefecture with { Organizations = 1 }).KindCounts().Sum(k => k.Count));
    }

    [Theory]
    [InlineData("--scale", "county")]
    [InlineData("--organizations", "0")]
    [InlineData("--organizations", "-5")]
    [InlineData("--organizations", "abc")]
    [InlineData("--opportunities", "1.5")]
    [InlineData("--opportunities", "1e3")]
    [InlineData("--opportunities", "99999999999")]
    [InlineData("--residents", "-1")]
    [InlineData("--residents", "many")]
    [InlineData("--residents", "10000001")]
    [InlineData("--as-of", "2026-13-01")]
    [InlineData("--as-of", "yesterday")]
    public async Task Bad_overrides_are_rejected_with_exit_code_2_before_touching_the_database(string option, string value)
    {
        var command = Command.Parse(["seed", "--scale", "prefecture", option, value]);
        Assert.False(DirectoryScale.TryParse(command.Options, out _, out var error));
        Assert.Contains(value, error, StringComparison.Ordinal);

        // A host without a database: the verb must stop before it would need one.
        var builder = WebApplication.CreateBuilder();
        await using var host = builder.Build();
        var before = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.Equal(2, await command.RunAsync(host));
        }
        finally
        {
            Console.SetError(before);
        }
        Assert.Contains(value, captured.ToString(), StringComparison.Ordinal);
    }
}
