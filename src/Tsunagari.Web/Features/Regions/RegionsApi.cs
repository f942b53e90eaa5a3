using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Regions;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var municipalities = api.MapGroup("/municipalities").WithTags("Regions").AllowAnonymous();
        municipalities.MapGet("", ListMunicipalities)
            .WithName(nameof(ListMunicipalities))
            .WithSummary("Municipalities of the deployment's prefecture, or of ?prefecture=CODE, with their wards and regional grouping.");
        municipalities.MapGet("/{code}", GetMunicipality)
            .WithName(nameof(GetMunicipality))
            .WithSummary("One municipality or designated-city ward by its 6-digit local government code.");
        return api;
    }

    public static async Task<Results<Ok<MunicipalityList>, ProblemHttpResult>> ListMunicipalities(
        [FromQuery] string? prefecture,
        Japan japan,
        ListGroupings listGroupings,
        IOptions<TsunagariOptions> options,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(listGroupings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(l);
        var code = string.IsNullOrEmpty(prefecture) ? options.Value.Prefecture : prefecture;
        if (!LocalGovernmentCode.IsValid(code))
            return InvalidCode(code, l);
        if (japan.Prefecture(code) is not { } found)
            return TypedResults.Problem(detail: l["コード「{0}」の都道府県は見つかりません。", code], statusCode: StatusCodes.Status404NotFound);

        var groupings = ListGroupings.ByMunicipality(await listGroupings.RunAsync(found.Code, cancellationToken));
        var items = found.Municipalities.Select(m => MunicipalityItem.From(m, groupings)).ToList();
        return TypedResults.Ok(new MunicipalityList(PrefectureItem.From(found), items));
    }

    public static async Task<Results<Ok<MunicipalityItem>, ProblemHttpResult>> GetMunicipality(
        string code,
        Japan japan,
        ListGroupings listGroupings,
        IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(listGroupings);
        ArgumentNullException.ThrowIfNull(l);
        if (!LocalGovernmentCode.IsValid(code))
            return InvalidCode(code, l);
        if (japan.Municipality(code) is not { } found)
            return TypedResults.Problem(detail: l["コード「{0}」の市区町村は見つかりません。", code], statusCode: StatusCodes.Status404NotFound);

        var groupings = ListGroupings.ByMunicipality(await listGroupings.RunAsync(found.PrefectureCode, cancellationToken));
        return TypedResults.Ok(MunicipalityItem.From(found, groupings));
    }

    private static ProblemHttpResult InvalidCode(string code, IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(
            detail: l["「{0}」は全国地方公共団体コードではありません。6桁の数字で、6桁目は検査数字です。", code],
            statusCode: StatusCodes.Status400BadRequest);
}
