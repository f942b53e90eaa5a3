using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>An indicator checked and ready to be applied to a new or existing <see cref="Indicator"/>.</summary>
public sealed record IndicatorDetails(
    Guid ElementId, string Name, string Definition, string Unit, IndicatorDirection Direction, decimal? Baseline, DateOnly? BaselineDate,
    IndicatorSource Source, PlatformMeasure? Measure, JourneyStage? Stage, IReadOnlyList<IndicatorTarget> Targets)
{
    public void ApplyTo(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        indicator.ElementId = ElementId;
        indicator.Name = Name;
        indicator.Definition = Definition;
        indicator.Unit = Unit;
        indicator.Direction = Direction;
        indicator.Baseline = Baseline;
        indicator.BaselineDate = BaselineDate;
        indicator.Source = Source;
        indicator.Measure = Measure;
        indicator.Stage = Stage;
        indicator.SetTargets(Targets);
    }
}

/// <summary>
/// An indicator as its form posts it (bound as "Input"). Targets come as fixed rows (<c>Input.Targets[0].Date</c>…); a
/// row left empty is no target, so the form needs no script to add rows.
/// </summary>
public sealed class IndicatorInput
{
    /// <summary>Empty target rows the form offers beyond the targets set (up to <see cref="Indicator.MaxTargets"/>).</summary>
    public const int SpareRows = 3;

    public string? ElementId { get; set; }
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? Unit { get; set; }
    public string? Direction { get; set; }
    public string? Baseline { get; set; }
    public string? BaselineDate { get; set; }
    public string? Source { get; set; }
    public string? Measure { get; set; }
    public string? Stage { get; set; }
    public List<TargetInput> Targets { get; set; } = [];

    public sealed class TargetInput
    {
        public string? Date { get; set; }
        public string? Value { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Value);
    }

    public TargetInput Row(int index) => index < Targets.Count ? Targets[index] : new TargetInput();

    /// <summary>How many target rows the form shows: the rows posted or set, and a few empty ones.</summary>
    public int RowCount => Math.Min(Indicator.MaxTargets, Math.Max(Targets.Count(t => !t.IsEmpty) + SpareRows, Targets.Count));

    public static IndicatorInput From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new IndicatorInput
        {
            ElementId = indicator.ElementId.ToString(),
            Name = indicator.Name,
            Definition = indicator.Definition,
            Unit = indicator.Unit,
            Direction = indicator.Direction.ToString(),
            Baseline = ValueText.Input(indicator.Baseline),
            BaselineDate = ValueText.Day(indicator.BaselineDate),
            Source = indicator.Source.ToString(),
            Measure = indicator.Measure?.ToString(),
            Stage = indicator.Stage?.ToString(),
            Targets = indicator.Targets.Select(t => new TargetInput { Date = ValueText.Day(t.Date), Value = ValueText.Input(t.Value) }).ToList(),
        };
    }

    /// <summary>The details, or null with every problem in <paramref name="errors"/> (keys without "Input.").</summary>
    public IndicatorDetails? Validate(LogicModel model, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        string Text(string? value, string key, string label, int max, bool required = true) => FormText.Check(value, key, label, max, l, errors, required);

        var element = Guid.TryParse(ElementId, out var elementId) ? model.Elements.Find(e => e.Id == elementId) : null;
        if (element is null || !element.Kind.IsMeasurable())
            errors.Add((nameof(ElementId), l["測る要素を、アウトプットかアウトカムから選んでください。"]));
        var name = Text(Name, nameof(Name), "指標の名前", Indicator.MaxNameLength);
        var definition = Text(Definition, nameof(Definition), "指標の定義", Indicator.MaxDefinitionLength, required: false);
        var unit = Text(Unit, nameof(Unit), "単位", Indicator.MaxUnitLength);
        if (!EnumNames.TryParse(Direction, out IndicatorDirection direction))
            errors.Add((nameof(Direction), l["望ましい方向を選んでください。"]));

        decimal? baseline = null;
        if (!string.IsNullOrWhiteSpace(Baseline)) baseline = Number(Baseline, nameof(Baseline), l["ベースライン"].Value, l, errors);
        DateOnly? baselineDate = null;
        if (!string.IsNullOrWhiteSpace(BaselineDate) && (baselineDate = ValueText.Day(BaselineDate)) is null)
            errors.Add((nameof(BaselineDate), l["ベースラインの日付を正しい日付で入力してください。"]));
        if (baseline is null && baselineDate is not null && string.IsNullOrWhiteSpace(Baseline))
            errors.Add((nameof(Baseline), l["ベースラインの日付を入れたときは、ベースラインの値も入力してください。"]));

        var (source, measure, stage) = Origin(l, errors);
        var targets = TargetList(l, errors);
        if (errors.Count > 0) return null;
        return new IndicatorDetails(element!.Id, name, definition, unit, direction, baseline, baselineDate, source, measure, stage, targets);
    }

    private (IndicatorSource Source, PlatformMeasure? Measure, JourneyStage? Stage) Origin(IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        if (!EnumNames.TryParse(Source, out IndicatorSource source))
        {
            errors.Add((nameof(Source), l["データの出所を選んでください。"]));
            return (default, null, null);
        }
        var hasMeasure = !string.IsNullOrWhiteSpace(Measure);
        if (source != IndicatorSource.Platform)
        {
            if (hasMeasure) errors.Add((nameof(Measure), l["プラットフォームの集計項目は、データの出所がプラットフォームのときだけ選べます。「選ばない」にしてください。"]));
            return (source, null, null);
        }
        if (!EnumNames.TryParse(Measure, out PlatformMeasure measure))
        {
            errors.Add((nameof(Measure), l["データの出所がプラットフォームのときは、集計項目を選んでください。"]));
            return (source, null, null);
        }
        if (measure != PlatformMeasure.ReachedStage) return (source, measure, null);
        if (!EnumNames.TryParse(Stage, out JourneyStage stage))
        {
            errors.Add((nameof(Stage), l["「段階に達した人数」では、数える段階を選んでください。"]));
            return (source, measure, null);
        }
        return (source, measure, stage);
    }

    private List<IndicatorTarget> TargetList(IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        var targets = new List<IndicatorTarget>();
        var rows = Targets.Where(t => t is not null && !t.IsEmpty).ToList();
        if (rows.Count > Indicator.MaxTargets)
        {
            errors.Add((nameof(Targets), l["目標は{0}個までにしてください。", Indicator.MaxTargets]));
            return targets;
        }
        for (var i = 0; i < Targets.Count; i++)
        {
            var row = Targets[i];
            if (row is null || row.IsEmpty) continue;
            var number = i + 1;
            var date = ValueText.Day(row.Date);
            if (date is null) errors.Add((nameof(Targets), l["目標{0}の日付を正しい日付で入力してください。", number]));
            var value = Number(row.Value, nameof(Targets), l["目標{0}の値", number].Value, l, errors);
            if (date is { } d && targets.Exists(t => t.Date == d))
                errors.Add((nameof(Targets), l["目標{0}の日付（{1}）は別の目標と同じです。目標は日付ごとに1つにしてください。", number, ValueText.Day(d)]));
            else if (date is { } day && value is { } v) targets.Add(new IndicatorTarget(day, v));
        }
        return targets;
    }

    /// <summary>The number typed, or null with a message naming the field.</summary>
    public static decimal? Number(string? text, string key, string label, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        switch (ValueText.TryNumber(text, out var value))
        {
            case ValueText.Problem.None:
                return value;
            case ValueText.Problem.OutOfRange:
                errors.Add((key, l["{0}は-{1}から{1}までの数値にしてください。", label, Indicator.MaxValue.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]));
                return null;
            case ValueText.Problem.TooPrecise:
                errors.Add((key, l["{0}の小数点以下は{1}桁までにしてください。", label, ValueText.MaxDecimals]));
                return null;
            default:
                errors.Add((key, l["{0}は数値で入力してください（例：12.5）。", label]));
                return null;
        }
    }
}
