using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Opportunities;

public static class OpportunitiesSetup
{
    public static void AddOpportunities(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<ISeed, DefaultWaysSeed>();
        services.AddScoped<ListWays>();
        services.AddScoped<SaveOpportunity>();
        services.AddScoped<ChangeOpportunityStatus>();
        // The edit page also creates: a new opportunity belongs to the organization in its URL.
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Opportunities/Edit", "/organizations/{orgId:guid}/opportunities/new"));
    }
}
