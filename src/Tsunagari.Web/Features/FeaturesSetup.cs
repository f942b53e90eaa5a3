using Tsunagari.Data.Demo;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Directory;
using Tsunagari.Features.Funds;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Insights;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;

namespace Tsunagari.Features;

/// <summary>Each capability registers its services and endpoints here, in dependency order.</summary>
public static class FeaturesSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAccounts();
        builder.AddRegions();
        builder.AddOrganizations();
        builder.AddOpportunities();
        builder.AddSearch();
        builder.AddOpenData();
        Engagement.Recommendations.RecommendationsSetup.AddRecommendations(builder);
        Engagement.SignUps.SignUpsSetup.AddSignUps(builder);
        Engagement.Journeys.JourneySetup.AddJourneys(builder);
        Engagement.Attendance.AttendanceSetup.AddAttendance(builder);
        // After every feature's own seeds (roles, demo accounts, ways to take part), which it builds on.
        builder.Services.AddScoped<ISeed, DemoDirectory>();
        Engagement.Profiles.ProfilesSetup.AddProfiles(builder); // its demo profiles seed runs after the demo directory
        builder.Services.AddScoped<DirectoryListing>();
        builder.AddProBono();
        builder.AddCollaboration();
        builder.AddImpactEvaluation();
        builder.AddFunds();
        builder.AddInsights();
    }

    public static void MapFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").WithTags("v1");
        api.MapAccountsApi();
        api.MapRegionsApi();
        api.MapOrganizationsApi();
        api.MapOpportunitiesApi();
        api.MapSearchApi();
        Engagement.Profiles.ProfilesApi.MapProfilesApi(api);
        Engagement.Recommendations.RecommendationsApi.MapRecommendationsApi(api);
        Engagement.SignUps.SignUpsApi.MapSignUpsApi(api);
        Engagement.Attendance.AttendanceApi.MapAttendanceApi(api);
        api.MapProBonoApi();
        api.MapCollaborationApi();
        api.MapImpactEvaluationApi();
        api.MapFundsApi();
        api.MapInsightsApi();
        app.MapOpenData();
    }
}
