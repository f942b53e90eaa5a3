using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Recommendations;

public static class RecommendationsApi
{
    public const int DefaultCount = 10;

    public sealed record Page(IReadOnlyList<Recommend.Item> Items);

    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me/recommendations", GetRecommendations).WithTags("Engagement").RequireAuthorization(Policies.Api)
            .WithName(nameof(GetRecommendations))
            .WithSummary("Open opportunities ranked for the caller (?count=1–50, default 10), each with its score and the reasons (codes and text).");
        return api;
    }

    /// <summary>The count is read as text, so that a malformed one is a localized 400 rather than a binding failure.</summary>
    public static async Task<Results<Ok<Page>, ProblemHttpResult, UnauthorizedHttpResult>> GetRecommendations(
        [FromQuery] string? count, ClaimsPrincipal user, Recommend recommend, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recommend);
        ArgumentNullException.ThrowIfNull(l);
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)) return TypedResults.Unauthorized();
        var n = DefaultCount;
        if (count is not null && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > Recommend.MaxCount))
            return TypedResults.Problem(
                detail: l["件数（count）は1から{0}までの整数で指定してください。", Recommend.MaxCount],
                statusCode: StatusCodes.Status400BadRequest);
        var result = await recommend.RunAsync(accountId, n, cancellationToken);
        return TypedResults.Ok(new Page(result.Items));
    }
}
