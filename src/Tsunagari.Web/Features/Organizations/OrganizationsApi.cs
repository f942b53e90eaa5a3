using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("/{id:guid}", GetOrganization)
            .AllowAnonymous()
            .WithName(nameof(GetOrganization))
            .WithSummary("One organization's public profile.");
        organizations.MapPost("", CreateOrganization)
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(CreateOrganization))
            .WithSummary("Registers an organization; the caller becomes its admin. Validated as the registration page is.");
        organizations.MapPut("/{id:guid}", UpdateOrganization)
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(UpdateOrganization))
            .WithSummary("Replaces an organization's profile (its admins only). Validated as the edit page is.");
        return api;
    }

    public static async Task<Results<Ok<OrganizationItem>, ProblemHttpResult>> GetOrganization(
        Guid id, HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound(id, l);
        return TypedResults.Ok(OrganizationItem.From(organization, UrlOf(http, id)));
    }

    public static async Task<Results<Created<OrganizationItem>, ValidationProblem>> CreateOrganization(
        OrganizationInput input, HttpContext http, ClaimsPrincipal user, AppDbContext db, ValidateOrganization validate, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(clock);
        var result = await validate.RunAsync(input, cancellationToken);
        if (!result.IsValid) return Problem(result);
        var organization = new Organization(result.Profile!, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), clock.GetUtcNow());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}", OrganizationItem.From(organization, UrlOf(http, organization.Id)));
    }

    public static async Task<Results<Ok<OrganizationItem>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdateOrganization(
        Guid id,
        OrganizationInput input,
        HttpContext http,
        ClaimsPrincipal user,
        AppDbContext db,
        ValidateOrganization validate,
        IAuthorizationService authorization,
        IStringLocalizer<SharedResource> l,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(clock);
        var organization = await db.Organizations.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound(id, l);
        if (!(await authorization.AuthorizeAsync(user, organization, OrganizationOperations.Edit)).Succeeded) return TypedResults.Forbid();
        var result = await validate.RunAsync(input, cancellationToken);
        if (!result.IsValid) return Problem(result);
        organization.Update(result.Profile!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganizationItem.From(organization, UrlOf(http, id)));
    }

    private static ValidationProblem Problem(ValidateOrganization.Result result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value, StringComparer.Ordinal));

    private static ProblemHttpResult NotFound(Guid id, IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(detail: l["ID「{0}」の団体は見つかりません。", id], statusCode: StatusCodes.Status404NotFound);

    private static string UrlOf(HttpContext http, Guid id) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/organizations/{id}";
}
