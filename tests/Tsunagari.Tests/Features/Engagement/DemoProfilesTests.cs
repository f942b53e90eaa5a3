using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Profiles;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class DemoProfilesTests(DemoProfilesTests.DemoApp app) : IClassFixture<DemoProfilesTests.DemoApp>
{
    public sealed class DemoApp : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Tsunagari:Demo"] = "true";
    }

    [Fact]
    public async Task The_demo_residents_have_plausible_profiles_and_the_seed_leaves_them_alone_on_the_next_start()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var resident = await db.Users.Where(u => u.Email == "resident@example.jp").Select(u => u.Id).SingleAsync(cancellationToken);
        var profile = await db.ResidentProfiles.AsNoTracking().SingleAsync(p => p.AccountId == resident, cancellationToken);
        Assert.Equal("121011", profile.MunicipalityCode);
        Assert.NotEmpty(profile.Interests);
        Assert.NotEmpty(profile.Skills);
        Assert.NotEmpty(profile.PreferredWays);
        Assert.NotEqual(Availability.None, profile.Availability);

        var count = await db.ResidentProfiles.CountAsync(cancellationToken);
        await scope.ServiceProvider.GetServices<ISeed>().OfType<DemoProfiles>().Single().RunAsync();
        Assert.Equal(count, await db.ResidentProfiles.CountAsync(cancellationToken));
    }
}
