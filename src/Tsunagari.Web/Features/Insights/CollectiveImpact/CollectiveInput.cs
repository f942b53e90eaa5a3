using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>The initiative's details as typed: everything a string, so that bad input comes back to the form as it was.</summary>
public sealed class CollectiveInput
{
    public string? BackboneOrganizationId { get; set; }
    public string? Title { get; set; }
    public string? Problem { get; set; }
    public string? Goal { get; set; }
    public string? TheoryOfChange { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Cadence { get; set; }
    public string? CommunicationIntervalDays { get; set; }
    public string? Status { get; set; }
    public List<string> Municipalities { get; set; } = [];

    public sealed record Details(string Title, string Problem, string Goal, string TheoryOfChange, DateOnly StartsOn, DateOnly? EndsOn,
        ReportingCadence Cadence, int CommunicationIntervalDays, CollectiveStatus Status, IReadOnlyList<string> Municipalities);

    public const int MaxIntervalDays = 366;

    public static CollectiveInput From(CollectiveInitiative i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new CollectiveInput
        {
            Title = i.Title,
            Problem = i.Problem,
            Goal = i.Goal,
            TheoryOfChange = i.TheoryOfChange,
            StartsOn = Day(i.StartsOn),
            EndsOn = i.EndsOn is { } end ? Day(end) : "",
            Cadence = i.Cadence.ToString(),
            CommunicationIntervalDays = i.CommunicationIntervalDays.ToString(CultureInfo.InvariantCulture),
            Status = i.Status.ToString(),
            Municipalities = [.. i.Municipalities],
        };
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The details, or null with the problems (keyed by property) when something is wrong.</summary>
    public Details? Validate(IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var title = Text(nameof(Title), Title, CollectiveInitiative.MaxTitleLength, required: true, l, errors);
        var problem = Text(nameof(Problem), Problem, CollectiveInitiative.MaxTextLength, required: true, l, errors);
        var goal = Text(nameof(Goal), Goal, CollectiveInitiative.MaxTextLength, required: true, l, errors);
        var theory = Text(nameof(TheoryOfChange), TheoryOfChange, CollectiveInitiative.MaxTextLength, required: false, l, errors);
        DateOnly? starts = ParseDay(StartsOn);
        if (starts is null) errors.Add((nameof(StartsOn), l["開始日を年-月-日で入力してください。"]));
        DateOnly? ends = null;
        if (!string.IsNullOrWhiteSpace(EndsOn))
        {
            ends = ParseDay(EndsOn);
            if (ends is null) errors.Add((nameof(EndsOn), l["終了日を年-月-日で入力するか、空にしてください。"]));
            else if (starts is { } s && ends < s) errors.Add((nameof(EndsOn), l["終了日は開始日より後にしてください。"]));
        }
        if (!Enum.TryParse<ReportingCadence>(Cadence, out var cadence) || !Enum.IsDefined(cadence))
            errors.Add((nameof(Cadence), l["報告の頻度を選んでください。"]));
        if (!int.TryParse(CommunicationIntervalDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var interval) || interval < 1 || interval > MaxIntervalDays)
            errors.Add((nameof(CommunicationIntervalDays), l["話し合いの間隔は1日から{0}日までの日数で入力してください。", MaxIntervalDays]));
        var status = CollectiveStatus.Active;
        if (!string.IsNullOrEmpty(Status) && (!Enum.TryParse(Status, out status) || !Enum.IsDefined(status)))
            errors.Add((nameof(Status), l["状態を選んでください。"]));
        var codes = Municipalities.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > CollectiveInitiative.MaxMunicipalities)
            errors.Add((nameof(Municipalities), l["市区町村は{0}まで選べます。", CollectiveInitiative.MaxMunicipalities]));
        else if (codes.Any(c => Japan.Shared.Municipality(c) is null))
            errors.Add((nameof(Municipalities), l["市区町村の中に、ない市区町村コードがあります。"]));
        return errors.Count > 0 ? null : new Details(title, problem, goal, theory, starts!.Value, ends, cadence, interval, status, codes);
    }

    /// <summary>A day typed as <see cref="Day"/> writes it (a date field's value), or null.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Text(string key, string? value, int max, bool required, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0) errors.Add((key, l["この項目を入力してください。"]));
        else if (text.Length > max) errors.Add((key, l["{0}文字以内で入力してください。", max]));
        return text;
    }

    public void Apply(CollectiveInitiative initiative, Details details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(details);
        initiative.Title = details.Title;
        initiative.Problem = details.Problem;
        initiative.Goal = details.Goal;
        initiative.TheoryOfChange = details.TheoryOfChange;
        initiative.StartsOn = details.StartsOn;
        initiative.EndsOn = details.EndsOn;
        initiative.Cadence = details.Cadence;
        initiative.CommunicationIntervalDays = details.CommunicationIntervalDays;
        initiative.Status = details.Status;
        initiative.SetMunicipalities(details.Municipalities);
        initiative.UpdatedAt = now;
    }
}
