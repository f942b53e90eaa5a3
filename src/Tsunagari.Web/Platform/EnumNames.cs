namespace Tsunagari.Platform;

public static class EnumNames
{
    /// <summary>
    /// An enum value by its exact name (any case), as forms and query strings send it: not a number, not a
    /// comma-separated combination, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would accept.
    /// </summary>
    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        result = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
