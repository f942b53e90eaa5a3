namespace Tsunagari.Platform;

/// <summary>
/// Localized messages per input name, collected by a use case that serves both a page (ModelState) and the API
/// (ValidationProblem), so both show the same errors.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public int Count => errors.Count;

    public void Add(string key, string message)
    {
        if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
        if (!list.Contains(message, StringComparer.Ordinal)) list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
