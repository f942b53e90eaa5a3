using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>Signing up, one's own sign-ups, and cancelling, approving or declining them (cookie or token; the pages' rules).</summary>
public static class SignUpsApi
{
    public sealed record SignUpRequest(DateOnly? Occurrence, List<string?>? Answers);

    public sealed record ReasonRequest(string? Reason);

    public static RouteGroupBuilder MapSignUpsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Sign-ups").RequireAuthorization(Policies.Api);
        group.MapPost("/opportunities/{id:guid}/signups", CreateSignUp).WithName(nameof(CreateSignUp))
            .WithSummary("Signs you up: confirmed with a seat, waitlisted when full, or pending when the organization approves sign-ups. Occurrence (yyyy-MM-dd) for a recurring opportunity.");
        group.MapGet("/me/signups", ListMySignUps).WithName(nameof(ListMySignUps)).WithSummary("Your sign-ups, newest occurrence first.");
        group.MapPost("/signups/{id:guid}/cancel", CancelSignUp).WithName(nameof(CancelSignUp))
            .WithSummary("Cancels a sign-up: yours (reason optional) or, as an admin of its organization, anyone's (reason required).");
        group.MapPost("/signups/{id:guid}/approve", ApproveSignUp).WithName(nameof(ApproveSignUp))
            .WithSummary("Approves a pending sign-up (organization admins): a seat, or the waitlist when full.");
        group.MapPost("/signups/{id:guid}/decline", DeclineSignUp).WithName(nameof(DeclineSignUp))
            .WithSummary("Declines a pending or waitlisted sign-up, with a reason (organization admins).");
        return api;
    }

    public static async Task<Results<Created<SignUpItem>, ValidationProblem, ProblemHttpResult>> CreateSignUp(
        Guid id, SignUpRequest? request, ClaimsPrincipal user, SignUpForOpportunity signUp, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        var me = AccountId(user);
        var outcome = await signUp.RunAsync(id, me, request?.Occurrence, request?.Answers ?? [], cancellationToken);
        if (outcome.Problem is { Field.Length: > 0 } invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [invalid.Field] = [invalid.Message] }, detail: invalid.Message);
        if (outcome.Problem is { } problem) return Problem(problem);
        var item = (await SignUpItem.ListAsync(db, me, outcome.SignUpId, null, cancellationToken))[0];
        return TypedResults.Created($"/api/v1/me/signups#{item.Id}", item);
    }

    public static async Task<Ok<IReadOnlyList<SignUpItem>>> ListMySignUps(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SignUpItem.ListAsync(db, AccountId(user), null, null, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CancelSignUp(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, ChangeSignUpStatus change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Done(await change.CancelAsync(id, user, request?.Reason, cancellationToken));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ApproveSignUp(
        Guid id, ClaimsPrincipal user, ChangeSignUpStatus change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Done(await change.ApproveAsync(id, user, cancellationToken));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeclineSignUp(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, ChangeSignUpStatus change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Done(await change.DeclineAsync(id, user, request?.Reason, cancellationToken));
    }

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Done(SignUpProblem? problem) => problem switch
    {
        null => TypedResults.NoContent(),
        { Field.Length: > 0 } => TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [problem.Field] = [problem.Message] }, detail: problem.Message),
        _ => TypedResults.Problem(detail: problem.Message, statusCode: problem.Status),
    };

    private static ProblemHttpResult Problem(SignUpProblem problem) => TypedResults.Problem(detail: problem.Message, statusCode: problem.Status);

    private static Guid AccountId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
