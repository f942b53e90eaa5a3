using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>A measurement as the record form posts it (bound as "Record"); the evidence file comes separately.</summary>
public sealed class MeasurementInput
{
    /// <summary>More respondents than any survey of a prefecture's residents could have.</summary>
    public const int MaxRespondents = 10_000_000;

    public string? Date { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
    public string? Respondents { get; set; }

    public sealed record Checked(DateOnly Date, decimal Value, string Note, int? Respondents);

    /// <summary>The measurement, or null with every problem in <paramref name="errors"/> (keys without "Record.").</summary>
    public Checked? Validate(IndicatorSource source, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var date = ValueText.Day(Date);
        if (date is null) errors.Add((nameof(Date), l["測定日を正しい日付で入力してください。"]));
        var value = IndicatorInput.Number(Value, nameof(Value), l["測定値"].Value, l, errors);
        var note = FormText.Check(Note, nameof(Note), "メモ", Measurement.MaxNoteLength, l, errors, required: false);
        int? respondents = null;
        if (source == IndicatorSource.Survey)
        {
            var text = (Respondents ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxRespondents) respondents = count;
            else errors.Add((nameof(Respondents), l["アンケートの回答者数を1から{0}までの整数で入力してください。", MaxRespondents.ToString("N0", CultureInfo.CurrentCulture)]));
        }
        return errors.Count > 0 ? null : new Checked(date!.Value, value!.Value, note, respondents);
    }
}
