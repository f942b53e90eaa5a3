using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// The settlement of a social impact bond as an API, for planning: a contract's payment terms and a set of results in, each
/// payment line and the total out, nothing saved. Anonymous like the SROI calculator: it reads and writes no data and its
/// work is bounded (10 outcomes of 10 steps, a body of <see cref="MaxBodyBytes"/>).
/// </summary>
public static class SibApi
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8, NumberHandling = JsonNumberHandling.Strict };

    public static RouteGroupBuilder MapSibApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/funds/sib/settle", SettleSib)
            .WithTags("Funds")
            .AllowAnonymous()
            .WithName(nameof(SettleSib))
            .WithSummary("Payments of a social impact bond for a set of results, nothing saved: the fixed payment, then each outcome-linked payment "
                + "in order of measurement date (undated last), each paid what its rule earns but never so much that the total passes the cap.")
            .WithDescription("Amounts are whole yen (1 to 1,000,000,000,000; fixedPayment may be 0 or left out). A rule is "
                + "{\"kind\":\"step\",\"steps\":[{\"threshold\":60,\"amount\":1000000},…]} (the amount of the highest threshold the result reaches; "
                + "thresholds ascending, amounts not decreasing) or {\"kind\":\"linear\",\"lower\":50,\"upper\":90,\"maxAmount\":15060000} (0 at or "
                + "below lower, maxAmount at or above upper, the straight line between rounded down to the yen). results[i] is outcome i's result, "
                + "null or missing when not measured. worstCase is what the payer pays at most (every line at its maximum, capped). "
                + "Problems are a validation problem keyed by JSON path (cap, outcomes[0].rule.steps[1].amount, results[2], …).")
            .Accepts<SettleRequest>("application/json")
            .Produces<SettleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    /// <summary>Numbers are nullable so that a missing one is a message, not a silent zero.</summary>
    public sealed record SettleRequest(decimal? Cap, decimal? FixedPayment, IReadOnlyList<SettleOutcome?>? Outcomes, IReadOnlyList<decimal?>? Results);

    public sealed record SettleOutcome(string? Indicator, string? Unit, DateOnly? MeasuredOn, SettleRule? Rule);

    /// <summary>kind is "step" or "linear".</summary>
    public sealed record SettleRule(string? Kind, IReadOnlyList<SettleStep?>? Steps, decimal? Lower, decimal? Upper, decimal? MaxAmount);

    public sealed record SettleStep(decimal? Threshold, decimal? Amount);

    public sealed record SettleResponse(IReadOnlyList<SettleLine> Lines, decimal Total, decimal WorstCase, decimal MaximumBeforeCap, bool CapApplied);

    /// <summary>kind "fixed" (outcome null) or "outcome"; paid is earned cut at the cap.</summary>
    public sealed record SettleLine(string Kind, int? Outcome, string Indicator, decimal? Result, decimal Earned, decimal Maximum, decimal Paid, bool CutByCap);

    /// <summary>The body is read here rather than bound, so that malformed JSON or a wrong type is a localized problem keyed by where it is.</summary>
    public static async Task<Results<Ok<SettleResponse>, ValidationProblem, ProblemHttpResult>> SettleSib(
        HttpRequest request, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(l);
        if (request.ContentLength > MaxBodyBytes)
            return TypedResults.Problem(detail: l["SIBの契約の JSON は{0}KB までです。", MaxBodyBytes / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
        SettleRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SettleRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            var (key, message) = Unreadable(e, l);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            Add(errors, "body", l["本文にSIBの契約の JSON（cap、fixedPayment、outcomes、results）を送ってください。"]);
            return TypedResults.ValidationProblem(errors);
        }
        var terms = Terms(body, l, errors);
        var results = body.Results ?? [];
        foreach (var problem in SibSettlement.Validate(terms, results))
            if (!errors.ContainsKey(problem.Path)) Add(errors, problem.Path, SibText.Message(problem, l));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var settled = SibSettlement.Settle(terms, results);
        return TypedResults.Ok(new SettleResponse(
            [.. settled.Lines.Select(line => new SettleLine(line.Outcome is null ? "fixed" : "outcome", line.Outcome,
                line.Outcome is { } i ? terms.Outcomes[i]!.Indicator.Trim() : "", line.Result, line.Earned, line.Maximum, line.Paid, line.CutByCap))],
            settled.Total, settled.WorstCase, settled.MaximumBeforeCap, settled.CapApplied));
    }

    /// <summary>The terms as the domain checks them; what only JSON can get wrong (a missing cap, an unknown rule kind, a null step) is named here.</summary>
    private static SibTerms Terms(SettleRequest body, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        if (body.Cap is null) Add(errors, "cap", l["{0}を指定してください。", l[SibText.Label("cap")]]);
        var outcomes = new List<SibOutcomeTerms?>();
        for (var i = 0; i < (body.Outcomes?.Count ?? 0); i++)
            outcomes.Add(body.Outcomes![i] is { } o ? Outcome(o, $"outcomes[{i}]", l, errors) : null);
        // A missing cap was named above; the maximum keeps Validate from naming it again.
        return new SibTerms(body.Cap ?? Yen.Max, body.FixedPayment ?? 0m, outcomes);
    }

    private static SibOutcomeTerms Outcome(SettleOutcome o, string path, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var rule = o.Rule;
        var kind = rule?.Kind?.Trim().ToUpperInvariant() switch
        {
            "STEP" => SibRuleKind.Step,
            "LINEAR" => SibRuleKind.Linear,
            _ => (SibRuleKind?)null,
        };
        if (kind is null) Add(errors, $"{path}.rule.kind", l["支払ルールは \"step\"（段階表）か \"linear\"（線形）で指定してください。"]);
        var steps = new List<SibStep>();
        for (var s = 0; s < (rule?.Steps?.Count ?? 0); s++)
        {
            var step = rule!.Steps![s];
            if (step?.Threshold is null) Add(errors, $"{path}.rule.steps[{s}].threshold", l["{0}を指定してください。", l[SibText.Label("threshold")]]);
            if (step?.Amount is null) Add(errors, $"{path}.rule.steps[{s}].amount", l["{0}を指定してください。", l[SibText.Label("amount")]]);
            steps.Add(new SibStep(step?.Threshold ?? 0m, step?.Amount ?? 1m));
        }
        return new SibOutcomeTerms(o.Indicator ?? "", o.Unit ?? "", o.MeasuredOn,
            new SibRule(kind ?? SibRuleKind.Step, steps, rule?.Lower, rule?.Upper, rule?.MaxAmount));
    }

    /// <summary>Where the JSON could not be read (its path without the leading "$.") and what kind of value belongs there.</summary>
    private static (string Key, string Message) Unreadable(JsonException e, IStringLocalizer l)
    {
        var path = e.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        if (path.Length == 0) return ("body", l["JSON として読めません。SIBの契約を1つの JSON オブジェクトとして送ってください。"]);
        var field = path[(path.LastIndexOf('.') + 1)..];
        if (field.StartsWith("results", StringComparison.Ordinal)) field = "results";
        return field switch
        {
            "measuredOn" => (path, l["{0}は \"2018-03-31\" の形の日付で指定してください。", l[SibText.Label(field)]]),
            "cap" or "fixedPayment" or "threshold" or "amount" or "lower" or "upper" or "maxAmount" or "results" =>
                (path, l["{0}は数値で指定してください（引用符なし、decimal に収まる大きさ）。", l[SibText.Label(field)]]),
            "indicator" or "unit" or "kind" => (path, l["{0}は文字列で指定してください。", l[SibText.Label(field)]]),
            _ => (path, l["この位置の値を読めません。outcomes は成果連動支払のオブジェクトの配列、results は数値の配列です。"]),
        };
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
