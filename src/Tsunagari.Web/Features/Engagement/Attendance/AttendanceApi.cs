using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Record;
using Tsunagari.Platform.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Check-in, hours and the activity record under /api/v1, with the pages' rules (cookie or personal access token).</summary>
public static class AttendanceApi
{
    public sealed record AttendanceItem(Guid Id, Guid OpportunityId, Guid AccountId, DateOnly? Occurrence, string Status,
        DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, string? CheckInMethod, decimal? Hours)
    {
        public static AttendanceItem From(SignUp s)
        {
            ArgumentNullException.ThrowIfNull(s);
            return new(s.Id, s.OpportunityId, s.AccountId, s.Occurrence == SignUp.WholeOpportunity ? null : s.Occurrence, s.Status.ToString(),
                s.CheckedInAt, s.CheckedOutAt, s.CheckInMethod?.ToString(), s.Hours);
        }
    }

    public sealed record HoursRequest(decimal? Hours);
    public sealed record CodeRequest(string? Code);
    public sealed record CheckInResponse(Guid OpportunityId, string Message);
    public sealed record DecisionRequest(string? Note);

    public sealed record HoursReportItem(Guid Id, Guid OrganizationId, DateOnly Date, decimal Hours, string Description, IReadOnlyList<int> Fields, string Status, string Note)
    {
        public static HoursReportItem From(HoursReport r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return new(r.Id, r.OrganizationId, r.Date, r.Hours, r.Description, r.Fields, r.Status.ToString(), r.DecisionNote);
        }
    }

    public static RouteGroupBuilder MapAttendanceApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Attendance").RequireAuthorization(Policies.Api);
        group.MapPost("/signups/{id:guid}/check-in", CheckInSignUp).WithName(nameof(CheckInSignUp))
            .WithSummary("Checks a confirmed sign-up in (the opportunity's organization admins).");
        group.MapPost("/signups/{id:guid}/check-out", CheckOutSignUp).WithName(nameof(CheckOutSignUp))
            .WithSummary("Checks a sign-up out; hours follow from the times, in quarter hours, at most 24.");
        group.MapPut("/signups/{id:guid}/hours", SetSignUpHours).WithName(nameof(SetSignUpHours))
            .WithSummary("Enters the hours of a sign-up (0 < hours ≤ 24, quarter hours); also marks it attended.");
        group.MapPost("/check-in", CheckInByCode).WithName(nameof(CheckInByCode))
            .WithSummary("Checks the caller in with the attendance code shown at the venue. Failed attempts are limited per account.");
        group.MapPost("/me/hours", ReportOwnHours).WithName(nameof(ReportOwnHours))
            .WithSummary("Reports hours for an activity outside the platform, for the organization to approve.");
        group.MapPost("/hours-reports/{id:guid}/approve", ApproveHours).WithName(nameof(ApproveHours))
            .WithSummary("Approves reported hours (the organization's admins; others get 404).");
        group.MapPost("/hours-reports/{id:guid}/reject", RejectHours).WithName(nameof(RejectHours))
            .WithSummary("Rejects reported hours with a note (the organization's admins; others get 404).");
        group.MapGet("/me/record", GetRecord).WithName(nameof(GetRecord))
            .WithSummary("The caller's activity record: timeline, totals per field and organization, stages, certificates.");
        return api;
    }

    public static Task<Results<Ok<AttendanceItem>, ProblemHttpResult>> CheckInSignUp(
        Guid id, ClaimsPrincipal user, RecordAttendance record, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, record, l, s => record.CheckInAsync(s, CheckInMethod.Roster, cancellationToken), cancellationToken);

    public static Task<Results<Ok<AttendanceItem>, ProblemHttpResult>> CheckOutSignUp(
        Guid id, ClaimsPrincipal user, RecordAttendance record, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, record, l, s => record.CheckOutAsync(s, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<AttendanceItem>, ValidationProblem, ProblemHttpResult>> SetSignUpHours(
        Guid id, HoursRequest request, ClaimsPrincipal user, RecordAttendance record, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(l);
        var signUp = await record.ManagedAsync(user, id, cancellationToken);
        if (signUp is null) return NotFound(l);
        if (!AttendanceHours.IsValid(request?.Hours))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["hours"] = [l["時間は0より大きく{0}以下で入力してください（15分単位）。", SignUp.MaxHours]] },
                detail: l["入力内容を確認してください。"]);
        if (await record.SetHoursAsync(signUp, request!.Hours, cancellationToken) is { } error)
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(AttendanceItem.From(signUp));
    }

    public static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckInByCode(
        CodeRequest request, ClaimsPrincipal user, CheckInWithCode checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var result = await checkIn.RunAsync(AccountId(user), request?.Code, cancellationToken);
        if (!result.Succeeded) return TypedResults.Problem(detail: result.Message, statusCode: result.Status);
        return TypedResults.Ok(new CheckInResponse(result.OpportunityId!.Value, result.Message));
    }

    public static async Task<Results<Created<HoursReportItem>, ValidationProblem>> ReportOwnHours(
        HoursReportInput input, ClaimsPrincipal user, ReportHours report, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(l);
        var outcome = await report.RunAsync(AccountId(user), input ?? new HoursReportInput(), cancellationToken);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(outcome.Errors, detail: l["入力内容を確認してください。"]);
        return TypedResults.Created("/me/hours", HoursReportItem.From(outcome.Report!));
    }

    public static Task<Results<Ok<HoursReportItem>, ProblemHttpResult>> ApproveHours(
        Guid id, DecisionRequest request, ClaimsPrincipal user, DecideHours decide, CancellationToken cancellationToken) =>
        DecideAsync(id, true, request, user, decide, cancellationToken);

    public static Task<Results<Ok<HoursReportItem>, ProblemHttpResult>> RejectHours(
        Guid id, DecisionRequest request, ClaimsPrincipal user, DecideHours decide, CancellationToken cancellationToken) =>
        DecideAsync(id, false, request, user, decide, cancellationToken);

    public static async Task<Ok<RecordItem>> GetRecord(ClaimsPrincipal user, ReadRecord read, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return TypedResults.Ok(RecordItem.From(await read.RunAsync(AccountId(user), Cultures.IsEnglish, cancellationToken), l));
    }

    private static async Task<Results<Ok<HoursReportItem>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, DecisionRequest request, ClaimsPrincipal user, DecideHours decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var outcome = await decide.RunAsync(user, id, null, approve, request?.Note, cancellationToken);
        if (outcome.Status != StatusCodes.Status200OK) return TypedResults.Problem(detail: outcome.Message, statusCode: outcome.Status);
        return TypedResults.Ok(HoursReportItem.From(outcome.Report!));
    }

    private static async Task<Results<Ok<AttendanceItem>, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, RecordAttendance record, IStringLocalizer<SharedResource> l, Func<SignUp, Task<string?>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var signUp = await record.ManagedAsync(user, id, cancellationToken);
        // Sign-ups of organizations the caller does not administer are not disclosed.
        if (signUp is null) return NotFound(l);
        if (await change(signUp) is { } error) return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(AttendanceItem.From(signUp));
    }

    private static Guid AccountId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(detail: l["申し込みが見つかりません。"], statusCode: StatusCodes.Status404NotFound);
}
