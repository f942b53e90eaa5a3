using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.TeamFormation;

public static class TeamFormationApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static RouteGroupBuilder MapTeamFormationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/probono/team-formation/solve", SolveTeamFormation)
            .WithTags("Pro bono")
            .RequireAuthorization(Policies.Api)
            .WithName(nameof(SolveTeamFormation))
            .WithSummary("What-if team formation for a pro bono round (coordinators and prefecture admins): proposes teams, says why the other challenges stay empty; nothing is saved.")
            .Accepts<TeamFormationRequest>("application/json")
            .Produces<TeamFormationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>
    /// The body is read here rather than bound, so that malformed JSON is a localized validation problem like any other
    /// bad input. The solver runs on a worker thread: CP-SAT blocks for up to the time limit.
    /// </summary>
    public static async Task<Results<Ok<TeamFormationResponse>, ValidationProblem, ProblemHttpResult>> SolveTeamFormation(
        HttpRequest request,
        ClaimsPrincipal user,
        ValidateTeamFormation validate,
        FormTeams formTeams,
        ListGroupings listGroupings,
        IOptions<TsunagariOptions> options,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(formTeams);
        ArgumentNullException.ThrowIfNull(listGroupings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(l);
        if (!user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.PrefectureAdmin))
            return TypedResults.Problem(detail: l["チーム編成を試せるのはコーディネーターと県の管理者です。"], statusCode: StatusCodes.Status403Forbidden);

        TeamFormationRequest? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<TeamFormationRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["body"] = [l["JSON として読めません（{0}）。", e.Path ?? "$"]],
            });
        }

        var groupings = ListGroupings.ByMunicipality(await listGroupings.RunAsync(options.Value.Prefecture, cancellationToken))
            .ToDictionary(g => g.Key, g => g.Value.Id.ToString(), StringComparer.Ordinal);
        var outcome = validate.Run(input, groupings);
        if (!outcome.IsValid) return TypedResults.ValidationProblem(outcome.Errors);

        TeamFormationResult result;
        try
        {
            result = await Task.Run(() => formTeams.Solve(outcome.Problem!, cancellationToken), cancellationToken);
        }
        catch (LockedMembersException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["locked"] = [validate.Message(e)] });
        }
        return TypedResults.Ok(new TeamFormationResponse(
            [.. result.Teams.Select(t => new TeamFormationResponse.TeamItem(
                t.ChallengeId, [.. t.Members.Select(m => new TeamFormationResponse.MemberItem(m.ProfessionalId, m.Role))]))],
            [.. result.Unstaffed.Select(u => new TeamFormationResponse.UnstaffedItem(
                u.ChallengeId, UnstaffedReasonText.Sentence(u, l), u.Reason.ToString(), u.Skill))],
            result.StaffedCount,
            result.TotalFit,
            result.Optimal,
            result.Solver));
    }
}
