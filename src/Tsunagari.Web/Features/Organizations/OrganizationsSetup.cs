using Microsoft.AspNetCore.Authorization;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Organizations;

public static class OrganizationsSetup
{
    public static void AddOrganizations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IAuthorizationHandler, OrganizationAuthorization>();
        builder.Services.AddScoped<ValidateOrganization>();
        builder.Services.AddScoped<ListOrganizationChoices>();
        builder.Services.AddScoped<InviteMember>();
        builder.Services.AddScoped<IPersonalData, OrganizationsPersonalData>();
    }
}
