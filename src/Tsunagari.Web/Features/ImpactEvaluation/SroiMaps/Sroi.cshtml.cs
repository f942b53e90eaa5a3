using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.SroiMaps;

/// <summary>
/// A logic model's SROI impact map, edited as plain forms: the settings, the investment's items, the outcomes; and its
/// results with the sensitivity analysis whenever the map can be calculated. The members see it, the organization's
/// admins change it; the map is created with its first save. Percentages are typed as percents and stored as fractions.
/// A map may be saved without proxies (they are often found later): it then shows what is missing instead of results.
/// </summary>
[Authorize]
public sealed class SroiModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "SroiMessage";
    private const int MaxOrder = 10_000;

    /// <summary>The settings in the page's units: the discount rate in %, the percentage step in points, the proxy step in %.</summary>
    public sealed class SettingsInput
    {
        public string? DiscountRate { get; set; }
        public string? PercentStep { get; set; }
        public string? ProxyStep { get; set; }
    }

    /// <summary>An input valued either as an amount in yen or as hours at an hourly rate.</summary>
    public sealed class InvestmentInput
    {
        public string? Description { get; set; }
        public string? Amount { get; set; }
        public string? Hours { get; set; }
        public string? HourlyRate { get; set; }
    }

    public sealed class OutcomeInput
    {
        public string? Id { get; set; }
        public string? Stakeholder { get; set; }
        public string? Name { get; set; }
        public string? Quantity { get; set; }
        public string? IndicatorId { get; set; }
        public string? Proxy { get; set; }
        public string? ProxySource { get; set; }
        public string? DurationYears { get; set; } = "1";
        public string? Deadweight { get; set; } = "0";
        public string? Displacement { get; set; } = "0";
        public string? Attribution { get; set; } = "0";
        public string? DropOff { get; set; } = "0";
        public string? Order { get; set; }
    }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    [BindProperty]
    public InvestmentInput NewInvestment { get; set; } = new();

    [BindProperty]
    public OutcomeInput Outcome { get; set; } = new();

    public ImpactAccess.Access Access { get; private set; } = null!;
    public LogicModel Model => Access.Model;
    public ImpactMap? Map { get; private set; }
    public IReadOnlyList<ImpactOutcome> Outcomes { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Indicators { get; private set; } = new Dictionary<Guid, string>();
    public SroiResultsView.Reading? Reading { get; private set; }
    public string? Message { get; private set; }

    /// <summary>True when the outcome form edits a saved outcome rather than adding one.</summary>
    public bool Editing => Guid.TryParse(Outcome.Id, out var id) && Outcomes.Any(o => o.Id == id);

    public static string PathOf(Guid modelId) => $"/impact/models/{modelId}/sroi";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? outcome, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        Settings = SettingsOf(Map);
        if (outcome is { } editing && Outcomes.FirstOrDefault(o => o.Id == editing) is { } saved) Outcome = InputOf(saved);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken, change: true) is { } refused) return refused;
        var rate = Percent(Settings.DiscountRate, "Settings.DiscountRate", "割引率（%）");
        var step = Percent(Settings.PercentStep, "Settings.PercentStep", "割合を動かす幅（ポイント）");
        var proxyStep = Percent(Settings.ProxyStep, "Settings.ProxyStep", "代理指標を動かす幅（%）");
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken, Form.Settings);
        var map = await MapForChangeAsync(id, cancellationToken);
        (map.DiscountRate, map.PercentStep, map.ProxyStep) = (rate!.Value, step!.Value, proxyStep!.Value);
        return await SavedAsync(map, "計算の設定を保存しました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddInvestmentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken, change: true) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var description = FormText.Check(NewInvestment.Description, "NewInvestment.Description", "投資の内容", InvestmentItem.MaxDescriptionLength, l, errors);
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        var item = Investment(description);
        var map = await MapForChangeAsync(id, cancellationToken);
        if (map.Investments.Count >= ImpactMap.MaxInvestments) ModelState.AddModelError("NewInvestment.Description", l["投資の項目は{0}件までです。", ImpactMap.MaxInvestments]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken, Form.Investment);
        map.Investments.Add(item!);
        return await SavedAsync(map, "投資の項目を加えました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveInvestmentAsync(Guid id, int? index, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken, change: true) is { } refused) return refused;
        var map = await MapForChangeAsync(id, cancellationToken);
        if (index is not { } i || i < 0 || i >= map.Investments.Count)
        {
            ModelState.AddModelError("", l["その投資の項目は見つかりません。すでに削除されたかもしれません。"]);
            return await ShowAsync(cancellationToken);
        }
        map.Investments.RemoveAt(i);
        return await SavedAsync(map, "投資の項目を削除しました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken, change: true) is { } refused) return refused;
        var map = await MapForChangeAsync(id, cancellationToken);
        var editing = Guid.TryParse(Outcome.Id, out var outcomeId) ? map.Outcomes.FirstOrDefault(o => o.Id == outcomeId) : null;
        if (!string.IsNullOrEmpty(Outcome.Id) && editing is null)
            ModelState.AddModelError("", l["その成果は見つかりません。すでに削除されたかもしれません。"]);
        else if (editing is null && map.Outcomes.Count >= Math.Min(ImpactMap.MaxOutcomes, Sroi.MaxOutcomes))
            ModelState.AddModelError("Outcome.Name", l["成果は{0}件までです。", Math.Min(ImpactMap.MaxOutcomes, Sroi.MaxOutcomes)]);
        var indicators = await IndicatorNamesAsync(id, cancellationToken);
        var values = ReadOutcome(indicators, map);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken, Form.Outcome);
        var outcome = editing ?? db.ImpactOutcomes.Add(new ImpactOutcome(map.Id, values.Order)).Entity;
        values.ApplyTo(outcome);
        if (editing is null) map.Outcomes.Add(outcome);
        return await SavedAsync(map, editing is null ? "成果を加えました。" : "成果を保存しました。", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveOutcomeAsync(Guid id, Guid? outcomeId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken, change: true) is { } refused) return refused;
        var map = await MapForChangeAsync(id, cancellationToken);
        if (map.Outcomes.FirstOrDefault(o => o.Id == outcomeId) is not { } outcome)
        {
            ModelState.AddModelError("", l["その成果は見つかりません。すでに削除されたかもしれません。"]);
            return await ShowAsync(cancellationToken);
        }
        db.ImpactOutcomes.Remove(outcome);
        return await SavedAsync(map, "成果を削除しました。", cancellationToken);
    }

    /// <summary>The outcome form's values, checked; each problem is a message under its field.</summary>
    private sealed record OutcomeValues(string Stakeholder, string Name, decimal Quantity, Guid? IndicatorId, decimal? Proxy, string ProxySource,
        int DurationYears, decimal Deadweight, decimal Displacement, decimal Attribution, decimal DropOff, int Order)
    {
        public void ApplyTo(ImpactOutcome o)
        {
            (o.Stakeholder, o.Name, o.Quantity, o.IndicatorId, o.Proxy, o.ProxySource) = (Stakeholder, Name, Quantity, IndicatorId, Proxy, ProxySource);
            (o.DurationYears, o.Deadweight, o.Displacement, o.Attribution, o.DropOff, o.Order) = (DurationYears, Deadweight, Displacement, Attribution, DropOff, Order);
        }
    }

    private OutcomeValues ReadOutcome(IReadOnlyDictionary<Guid, string> indicators, ImpactMap map)
    {
        var errors = new List<(string Key, string Message)>();
        var stakeholder = FormText.Check(Outcome.Stakeholder, "Outcome.Stakeholder", "ステークホルダー", ImpactOutcome.MaxNameLength, l, errors);
        var name = FormText.Check(Outcome.Name, "Outcome.Name", "成果の名前", ImpactOutcome.MaxNameLength, l, errors);
        var source = FormText.Check(Outcome.ProxySource, "Outcome.ProxySource", "代理指標の出典", ImpactOutcome.MaxSourceLength, l, errors, required: false);
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        var quantity = Number(Outcome.Quantity, "Outcome.Quantity", "数量", 0m, Sroi.MaxAmount);
        var proxy = string.IsNullOrWhiteSpace(Outcome.Proxy) ? null : Number(Outcome.Proxy, "Outcome.Proxy", "代理指標（円）", 0m, Sroi.MaxAmount);
        var years = Whole(Outcome.DurationYears, "Outcome.DurationYears", "期間（年）", 1, Sroi.MaxDurationYears);
        var order = string.IsNullOrWhiteSpace(Outcome.Order)
            ? map.Outcomes.Select(o => o.Order).DefaultIfEmpty(0).Max() + 1
            : Whole(Outcome.Order, "Outcome.Order", "順番", 1, MaxOrder);
        Guid? indicator = null;
        if (!string.IsNullOrEmpty(Outcome.IndicatorId))
        {
            if (Guid.TryParse(Outcome.IndicatorId, out var chosen) && indicators.ContainsKey(chosen)) indicator = chosen;
            else ModelState.AddModelError("Outcome.IndicatorId", l["その指標はこのロジックモデルにありません。一覧から選んでください。"]);
        }
        return new(stakeholder, name, quantity ?? 0m, indicator, proxy, source, years ?? 1,
            Percent(Outcome.Deadweight, "Outcome.Deadweight", "デッドウェイト（%）") ?? 0m,
            Percent(Outcome.Displacement, "Outcome.Displacement", "置換効果（%）") ?? 0m,
            Percent(Outcome.Attribution, "Outcome.Attribution", "寄与率（%）") ?? 0m,
            Percent(Outcome.DropOff, "Outcome.DropOff", "ドロップオフ（%）") ?? 0m,
            order ?? 1);
    }

    /// <summary>Either an amount, or hours and an hourly rate (volunteer time at a stated rate); not both, not neither.</summary>
    private InvestmentItem? Investment(string description)
    {
        var hasAmount = !string.IsNullOrWhiteSpace(NewInvestment.Amount);
        var hasTime = !string.IsNullOrWhiteSpace(NewInvestment.Hours) || !string.IsNullOrWhiteSpace(NewInvestment.HourlyRate);
        if (hasAmount == hasTime)
        {
            ModelState.AddModelError("NewInvestment.Amount", l["金額（円）か、時間と時給のどちらか一方を入力してください。"]);
            return null;
        }
        if (hasAmount)
            return Number(NewInvestment.Amount, "NewInvestment.Amount", "金額（円）", 0m, Sroi.MaxAmount) is { } amount ? new(description, amount, null, null) : null;
        var hours = Number(NewInvestment.Hours, "NewInvestment.Hours", "時間", 0m, Sroi.MaxAmount);
        var rate = Number(NewInvestment.HourlyRate, "NewInvestment.HourlyRate", "時給（円）", 0m, Sroi.MaxAmount);
        return hours is { } h && rate is { } r ? new(description, null, h, r) : null;
    }

    /// <summary>A percent as typed (0–100, up to 4 decimals), as the fraction stored.</summary>
    private decimal? Percent(string? text, string key, string label) =>
        Number(text, key, label, 0m, 100m, decimals: ImpactPrecisionScale - 2) is { } percent ? percent / 100m : null;

    /// <summary>The database keeps 6 decimals; more would be rounded on save, so they are refused rather than changed silently.</summary>
    private const int ImpactPrecisionScale = 6;

    private decimal? Number(string? text, string key, string label, decimal min, decimal max, int decimals = ImpactPrecisionScale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, l["{0}を入力してください。", l[label]]);
            return null;
        }
        if (!SroiNumber.TryParse(text, out var value))
        {
            ModelState.AddModelError(key, l["{0}は数値で入力してください（例：1,200.5）。", l[label]]);
            return null;
        }
        if (value < min || value > max)
        {
            ModelState.AddModelError(key, l["{0}は{1}から{2}までで入力してください。", l[label], SroiNumber.Show(min), max.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
            return null;
        }
        if (Math.Round(value, decimals) != value)
        {
            ModelState.AddModelError(key, l["{0}の小数点以下は{1}桁までです。", l[label], decimals]);
            return null;
        }
        return value;
    }

    private int? Whole(string? text, string key, string label, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, l["{0}を入力してください。", l[label]]);
            return null;
        }
        if (SroiNumber.TryParse(text, out var value) && value >= min && value <= max && decimal.Truncate(value) == value) return (int)value;
        ModelState.AddModelError(key, l["{0}は{1}から{2}までの整数で入力してください。", l[label], min, max]);
        return null;
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken, bool change = false)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return change && !access.CanEdit ? Forbid() : null;
    }

    /// <summary>The model's map, tracked, or a new one added (saved with the first change).</summary>
    private async Task<ImpactMap> MapForChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        var map = await db.ImpactMaps.Include(m => m.Outcomes).SingleOrDefaultAsync(m => m.LogicModelId == id, cancellationToken);
        if (map is not null) return map;
        map = new ImpactMap(id, clock.GetUtcNow());
        db.ImpactMaps.Add(map);
        return map;
    }

    private async Task<IActionResult> SavedAsync(ImpactMap map, string message, CancellationToken cancellationToken)
    {
        map.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = message;
        return Redirect(PathOf(Model.Id));
    }

    /// <summary>The page again with the form's errors and what was typed; nothing was saved.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken, Form posted = Form.None)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        // Every form's fields are bound on any post: the forms not sent show what is saved, the one sent what was typed.
        if (posted != Form.Settings) Settings = SettingsOf(Map);
        if (posted != Form.Investment) NewInvestment = new();
        if (posted != Form.Outcome) Outcome = new();
        return Page();
    }

    private enum Form { None, Settings, Investment, Outcome }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Map = await db.ImpactMaps.AsNoTracking().Include(m => m.Outcomes).SingleOrDefaultAsync(m => m.LogicModelId == Model.Id, cancellationToken);
        Indicators = await IndicatorNamesAsync(Model.Id, cancellationToken);
        if (Map is null) return;
        Outcomes = SroiResultsView.Ordered(Map.Outcomes);
        Reading = SroiResultsView.For(Map, Indicators);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> IndicatorNamesAsync(Guid modelId, CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().Where(i => i.LogicModelId == modelId).OrderBy(i => i.Name)
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);

    /// <summary>The saved settings, or the defaults a new map gets.</summary>
    private static SettingsInput SettingsOf(ImpactMap? map) => new()
    {
        DiscountRate = SroiNumber.ShowPercent(map?.DiscountRate ?? ImpactMap.DefaultDiscountRate),
        PercentStep = SroiNumber.ShowPercent(map?.PercentStep ?? ImpactMap.DefaultPercentStep),
        ProxyStep = SroiNumber.ShowPercent(map?.ProxyStep ?? ImpactMap.DefaultProxyStep),
    };

    private static OutcomeInput InputOf(ImpactOutcome o) => new()
    {
        Id = o.Id.ToString(),
        Stakeholder = o.Stakeholder,
        Name = o.Name,
        Quantity = SroiNumber.Show(o.Quantity),
        IndicatorId = o.IndicatorId?.ToString(),
        Proxy = o.Proxy is { } proxy ? SroiNumber.Show(proxy) : "",
        ProxySource = o.ProxySource,
        DurationYears = o.DurationYears.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Deadweight = SroiNumber.ShowPercent(o.Deadweight),
        Displacement = SroiNumber.ShowPercent(o.Displacement),
        Attribution = SroiNumber.ShowPercent(o.Attribution),
        DropOff = SroiNumber.ShowPercent(o.DropOff),
        Order = o.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
