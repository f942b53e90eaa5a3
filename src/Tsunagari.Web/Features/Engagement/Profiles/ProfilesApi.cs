using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Profiles;

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var me = api.MapGroup("/me").WithTags("Profiles");
        me.MapGet("/profile", GetMyProfile)
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(GetMyProfile))
            .WithSummary("The caller's own resident profile (empty and private when never saved).");
        me.MapPut("/profile", PutMyProfile)
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(PutMyProfile))
            .WithSummary("Replaces the caller's resident profile. Validated as the profile page is; on any error nothing is saved.");
        return api;
    }

    public static async Task<Ok<ProfileItem>> GetMyProfile(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var me = AccountId(user);
        var profile = await db.ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        return TypedResults.Ok(ProfileItem.From(profile));
    }

    public static async Task<Results<Ok<ProfileItem>, ValidationProblem>> PutMyProfile(
        ProfileInput input, ClaimsPrincipal user, ValidateProfile validate, SaveProfile save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(save);
        var result = await validate.RunAsync(input, cancellationToken);
        if (!result.IsValid)
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value, StringComparer.Ordinal));
        var profile = await save.RunAsync(AccountId(user), result.Details!, cancellationToken);
        return TypedResults.Ok(ProfileItem.From(profile));
    }

    private static Guid AccountId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
