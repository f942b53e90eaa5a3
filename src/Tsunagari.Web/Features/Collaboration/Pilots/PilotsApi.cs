using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>The published results of pilots (read-only, public): what the results page shows, without personal names.</summary>
public static class PilotsApi
{
    public static RouteGroupBuilder MapPilotsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var pilots = api.MapGroup("/collaboration/pilots").WithTags("Collaboration").AllowAnonymous();
        pilots.MapGet("", ListPilotResults)
            .WithName(nameof(ListPilotResults))
            .WithSummary("Pilots of adopted proposals, newest first (?page=, ?pageSize= up to 100): milestones, results against goals, both sides' evaluations (once both answered) and the decision after the pilot.");
        pilots.MapGet("/{id:guid}", GetPilotResult)
            .WithName(nameof(GetPilotResult))
            .WithSummary("One pilot's published results.");
        return api;
    }

    public static async Task<Results<Ok<ReadPilotResults.ResultPage>, ValidationProblem>> ListPilotResults(
        [FromQuery] string? page, [FromQuery] string? pageSize, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
            errors["page"] = [l["ページ番号は1以上の整数で指定してください。"]];
        var size = ReadPilotResults.DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > ReadPilotResults.MaxPageSize))
            errors["pageSize"] = [l["1ページの件数は1から{0}までの整数で指定してください。", ReadPilotResults.MaxPageSize]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, detail: l["入力内容を確認してください。"]);
        return TypedResults.Ok(await ReadPilotResults.PageAsync(db, number, size, cancellationToken));
    }

    public static async Task<Results<Ok<ReadPilotResults.PilotResult>, ProblemHttpResult>> GetPilotResult(
        Guid id, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(l);
        return await ReadPilotResults.OneAsync(db, id, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(detail: l["協働の試行が見つかりません。"], statusCode: StatusCodes.Status404NotFound);
    }
}
