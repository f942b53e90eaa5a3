using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Platform;

/// <summary>The check every form's text field gets: trimmed, required unless said otherwise, and within its length.</summary>
public static class FormText
{
    /// <summary>
    /// The text with LF line breaks (browsers count a line break as one character while typing, and it is stored so),
    /// trimmed; a localized message naming <paramref name="label"/> is added to <paramref name="errors"/> when it is empty
    /// (and required) or too long.
    /// </summary>
    public static string Check(string? value, string key, string label, int max, IStringLocalizer<SharedResource> l,
        List<(string Key, string Message)> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.ReplaceLineEndings("\n").Trim() ?? "";
        if (required && text.Length == 0) errors.Add((key, l["{0}を入力してください。", l[label]]));
        else if (text.Length > max) errors.Add((key, l["{0}は{1}文字以内で入力してください。", l[label], max]));
        return text;
    }
}
