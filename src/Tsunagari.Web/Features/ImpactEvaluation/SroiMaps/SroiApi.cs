using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.SroiMaps;

/// <summary>
/// The SROI calculator as an API: an impact map in, its figures out, nothing saved. Anyone may call it, signed in or
/// not, like the other public read-only APIs: it reads and writes no data, and its work is bounded (at most 50 outcomes
/// of 50 years, and a body of <see cref="MaxBodyBytes"/>), so it needs no rate limit of its own (the app's limits are
/// for sign-in and registration, against guessing; see Platform/Security).
/// </summary>
public static class SroiApi
{
    /// <summary>Far more than 50 outcomes with 200-character names need; a larger body is refused before it is read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8, NumberHandling = JsonNumberHandling.Strict };

    public static RouteGroupBuilder MapSroiApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/impact/sroi/calculate", CalculateSroi)
            .WithTags("Impact evaluation")
            .AllowAnonymous()
            .WithName(nameof(CalculateSroi))
            .WithSummary("SROI of an impact map, nothing saved: impact in year 1 = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution); "
                + "year t = year t−1 × (1 − dropOff); presentValue = Σ impact_t ÷ (1 + discountRate)^t; netPresentValue = presentValue − investment; "
                + "ratio = presentValue ÷ investment; paybackMonths = investment ÷ (Σ year-1 impact ÷ 12), null when never paid back.")
            .WithDescription("Percentages are fractions 0–1; discountRate defaults to 0.035 and the four percentages of an outcome to 0. Values are decimal "
                + "and no rounding is done until display: the figures come back unrounded (round yen to the unit and the ratio to two decimals when showing them). "
                + "Problems are a validation problem keyed by JSON path (investment, outcomes[0].deadweight, …).")
            .Accepts<SroiRequest>("application/json")
            .Produces<SroiResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    /// <summary>An impact map as JSON; numbers are nullable so that a missing one is a message, not a silent zero.</summary>
    public sealed record SroiRequest(decimal? DiscountRate, decimal? Investment, IReadOnlyList<SroiOutcomeRequest?>? Outcomes);

    public sealed record SroiOutcomeRequest(string? Name, string? Stakeholder, decimal? Quantity, decimal? Proxy, int? DurationYears,
        decimal? Deadweight, decimal? Displacement, decimal? Attribution, decimal? DropOff);

    public sealed record SroiResponse(IReadOnlyList<SroiOutcomeResponse> Outcomes, decimal YearOneImpact, decimal PresentValue, decimal NetPresentValue,
        decimal Ratio, decimal? PaybackMonths);

    public sealed record SroiOutcomeResponse(string Name, string Stakeholder, IReadOnlyList<decimal> YearlyImpacts, decimal PresentValue);

    /// <summary>
    /// The body is read here rather than bound, so that malformed JSON, a wrong type or a number beyond decimal is a
    /// localized validation problem keyed by where it is, like any other bad input.
    /// </summary>
    public static async Task<Results<Ok<SroiResponse>, ValidationProblem, ProblemHttpResult>> CalculateSroi(
        HttpRequest request, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(l);
        if (request.ContentLength > MaxBodyBytes)
            return TypedResults.Problem(detail: l["インパクトマップの JSON は{0}KB までです。", MaxBodyBytes / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
        SroiRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SroiRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            var (key, message) = Unreadable(e, l);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            Add(errors, "body", l["本文にインパクトマップの JSON（discountRate、investment、outcomes）を送ってください。"]);
            return TypedResults.ValidationProblem(errors);
        }
        var input = Input(body, l, errors);
        foreach (var problem in Sroi.Validate(input))
            Add(errors, Key(problem), SroiText.Message(problem, l, percents: false));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = Sroi.Calculate(input);
        return TypedResults.Ok(new SroiResponse(
            [.. result.Outcomes.Select(o => new SroiOutcomeResponse(o.Name, o.Stakeholder, o.YearlyImpacts, o.PresentValue))],
            result.YearOneImpact, result.PresentValue, result.NetPresentValue, result.Ratio, result.PaybackMonths));
    }

    /// <summary>
    /// The calculator's input; the required numbers that are missing are errors here (a missing proxy is left to
    /// <see cref="Sroi.Validate"/>, which names it the way the page does).
    /// </summary>
    private static SroiInput Input(SroiRequest body, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        if (body.Investment is null) Add(errors, "investment", l["{0}を指定してください。", l[SroiText.Label("investment")]]);
        var outcomes = new List<SroiOutcome>();
        for (var i = 0; i < (body.Outcomes?.Count ?? 0); i++)
        {
            if (body.Outcomes![i] is not { } o)
            {
                outcomes.Add(null!);
                continue;
            }
            if (o.Quantity is null) Add(errors, $"outcomes[{i}].quantity", l["{0}を指定してください。", l[SroiText.Label("quantity")]]);
            if (o.DurationYears is null) Add(errors, $"outcomes[{i}].durationYears", l["{0}を指定してください。", l[SroiText.Label("durationYears")]]);
            outcomes.Add(new(o.Name ?? "", o.Stakeholder ?? "", o.Quantity ?? 0m, o.Proxy, o.DurationYears ?? 1,
                o.Deadweight ?? 0m, o.Displacement ?? 0m, o.Attribution ?? 0m, o.DropOff ?? 0m));
        }
        // A missing investment was named above; 1 keeps Validate from naming it a second time.
        return new(body.DiscountRate ?? ImpactMap.DefaultDiscountRate, body.Investment ?? 1m, outcomes);
    }

    /// <summary>outcomes[0].deadweight, investment, outcomes[2] (an outcome that is null), outcomes (their number).</summary>
    private static string Key(SroiProblem problem) => problem switch
    {
        { Outcome: null } => problem.Field,
        { Field: "outcomes" } => $"outcomes[{problem.Outcome}]",
        _ => $"outcomes[{problem.Outcome}].{problem.Field}",
    };

    /// <summary>Where the JSON could not be read (its path without the leading "$.") and what kind of value belongs there.</summary>
    private static (string Key, string Message) Unreadable(JsonException e, IStringLocalizer l)
    {
        var path = e.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        if (path.Length == 0) return ("body", l["JSON として読めません。インパクトマップを1つの JSON オブジェクトとして送ってください。"]);
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            "durationYears" => (path, l["{0}は1から{1}までの整数で指定してください。", l[SroiText.Label(field)], Sroi.MaxDurationYears]),
            "discountRate" or "investment" or "quantity" or "proxy" or "deadweight" or "displacement" or "attribution" or "dropOff" =>
                (path, l["{0}は数値で指定してください（引用符なし、小数可、decimal に収まる大きさ）。", l[SroiText.Label(field)]]),
            "name" or "stakeholder" => (path, l["{0}は文字列で指定してください。", l[SroiText.Label(field)]]),
            _ => (path, l["この位置の値を読めません。outcomes は成果のオブジェクトの配列です。"]),
        };
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
