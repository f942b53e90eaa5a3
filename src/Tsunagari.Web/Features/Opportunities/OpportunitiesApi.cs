using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>One opportunity (public) and the organization admins' write endpoints; the list is the search API's.</summary>
public static class OpportunitiesApi
{
    public sealed record CancelRequest(string? Reason);

    public static RouteGroupBuilder MapOpportunitiesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/opportunities/{id:guid}", GetOpportunity).WithTags("Opportunities").AllowAnonymous()
            .WithName(nameof(GetOpportunity))
            .WithSummary("One published, closed or cancelled opportunity (drafts are not found).");
        var write = api.MapGroup("").WithTags("Opportunities").RequireAuthorization(Policies.Api);
        write.MapPost("/organizations/{orgId:guid}/opportunities", CreateOpportunity)
            .WithName(nameof(CreateOpportunity))
            .WithSummary("Creates a draft opportunity for an organization you administer. Times without an offset are Japan time.");
        write.MapPut("/opportunities/{id:guid}", UpdateOpportunity)
            .WithName(nameof(UpdateOpportunity))
            .WithSummary("Replaces an opportunity's details (same validation as the page).");
        write.MapPost("/opportunities/{id:guid}/publish", PublishOpportunity)
            .WithName(nameof(PublishOpportunity)).WithSummary("Publishes a draft.");
        write.MapPost("/opportunities/{id:guid}/close", CloseOpportunity)
            .WithName(nameof(CloseOpportunity)).WithSummary("Stops taking people for a published opportunity.");
        write.MapPost("/opportunities/{id:guid}/cancel", CancelOpportunity)
            .WithName(nameof(CancelOpportunity)).WithSummary("Cancels a draft or published opportunity, with a reason.");
        return api;
    }

    public static async Task<Results<Ok<OpportunityItem>, ProblemHttpResult>> GetOpportunity(
        Guid id, AppDbContext db, ListWays listWays, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(listWays);
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null || !opportunity.IsPublic) return NotFound(id, l);
        return TypedResults.Ok(await ItemAsync(db, listWays, opportunity, cancellationToken));
    }

    public static async Task<Results<Created<OpportunityItem>, ValidationProblem, ProblemHttpResult>> CreateOpportunity(
        Guid orgId, OpportunityInput input, ClaimsPrincipal user, AppDbContext db, ListWays listWays, SaveOpportunity save,
        IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(l);
        var organization = await OpportunityAccess.OrganizationAsync(db, orgId, cancellationToken);
        if (organization is null) return TypedResults.Problem(detail: l["団体が見つかりません。"], statusCode: StatusCodes.Status404NotFound);
        if (!await OpportunityAccess.CanManageAsync(authorization, user, organization)) return Forbidden(l);
        var outcome = await save.CreateAsync(orgId, input, cancellationToken);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(outcome.Errors, detail: l["入力内容を確認してください。"]);
        var item = await ItemAsync(db, listWays, outcome.Opportunity!, cancellationToken);
        return TypedResults.Created($"/api/v1/opportunities/{item.Id}", item);
    }

    public static async Task<Results<Ok<OpportunityItem>, ValidationProblem, ProblemHttpResult>> UpdateOpportunity(
        Guid id, OpportunityInput input, ClaimsPrincipal user, AppDbContext db, ListWays listWays, SaveOpportunity save,
        IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(l);
        var (opportunity, problem) = await ManagedAsync(id, user, db, authorization, l, cancellationToken);
        if (problem is not null) return problem;
        var outcome = await save.UpdateAsync(opportunity!, input, cancellationToken);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(outcome.Errors, detail: l["入力内容を確認してください。"]);
        return TypedResults.Ok(await ItemAsync(db, listWays, outcome.Opportunity!, cancellationToken));
    }

    public static Task<Results<Ok<OpportunityItem>, ProblemHttpResult>> PublishOpportunity(
        Guid id, ClaimsPrincipal user, AppDbContext db, ListWays listWays, ChangeOpportunityStatus change,
        IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, listWays, authorization, l, o => change.PublishAsync(o, cancellationToken), cancellationToken);

    public static Task<Results<Ok<OpportunityItem>, ProblemHttpResult>> CloseOpportunity(
        Guid id, ClaimsPrincipal user, AppDbContext db, ListWays listWays, ChangeOpportunityStatus change,
        IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, listWays, authorization, l, o => change.CloseAsync(o, cancellationToken), cancellationToken);

    public static Task<Results<Ok<OpportunityItem>, ProblemHttpResult>> CancelOpportunity(
        Guid id, CancelRequest request, ClaimsPrincipal user, AppDbContext db, ListWays listWays, ChangeOpportunityStatus change,
        IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, listWays, authorization, l, o => change.CancelAsync(o, request?.Reason, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<OpportunityItem>, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, ListWays listWays, IAuthorizationService authorization,
        IStringLocalizer<SharedResource> l, Func<Opportunity, Task<string?>> change, CancellationToken cancellationToken)
    {
        var (opportunity, problem) = await ManagedAsync(id, user, db, authorization, l, cancellationToken);
        if (problem is not null) return problem;
        if (await change(opportunity!) is { } error)
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(await ItemAsync(db, listWays, opportunity!, cancellationToken));
    }

    /// <summary>The opportunity, tracked, when the caller administers its organization; otherwise the problem to return.</summary>
    private static async Task<(Opportunity?, ProblemHttpResult?)> ManagedAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return (null, NotFound(id, l));
        var organization = await OpportunityAccess.OrganizationAsync(db, opportunity.OrganizationId, cancellationToken);
        if (!await OpportunityAccess.CanManageAsync(authorization, user, organization))
            // Drafts are not disclosed to people who may not manage them.
            return (null, opportunity.IsPublic ? Forbidden(l) : NotFound(id, l));
        return (opportunity, null);
    }

    private static async Task<OpportunityItem> ItemAsync(AppDbContext db, ListWays listWays, Opportunity opportunity, CancellationToken cancellationToken)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == opportunity.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var ways = await listWays.RunAsync(cancellationToken);
        return OpportunityItem.From(new OpportunityView(opportunity, opportunity.OrganizationId, name, ListWays.Of(opportunity.Ways, ways)), ways);
    }

    private static ProblemHttpResult NotFound(Guid id, IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(detail: l["活動「{0}」は見つかりません。", id], statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Forbidden(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(detail: l["この団体の活動を管理する権限がありません。"], statusCode: StatusCodes.Status403Forbidden);
}
