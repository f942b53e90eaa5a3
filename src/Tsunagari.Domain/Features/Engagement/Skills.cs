namespace Tsunagari.Features.Engagement;

/// <summary>A skill a person can offer, from the taxonomy shared by profiles and pro bono.</summary>
public sealed record Skill(string Key, string Name, string NameEn);

/// <summary>
/// The skills taxonomy, read from the embedded skills.csv (this project's own list, drawn from the roles pro bono
/// programmes and volunteer centres ask for). Keys are stable: profiles and pro bono store them.
/// </summary>
public static class Skills
{
    public const string ResourceName = "skills.csv";

    /// <summary>Levels a person gives a skill: 1 some experience, 2 practised, 3 professional.</summary>
    public const int MinLevel = 1;

    public const int MaxLevel = 3;

    private static readonly Lazy<IReadOnlyList<Skill>> all = new(Load);
    private static readonly Lazy<Dictionary<string, Skill>> byKey = new(() => all.Value.ToDictionary(s => s.Key, StringComparer.Ordinal));

    public static IReadOnlyList<Skill> All => all.Value;

    public static Skill? Find(string? key) => key is not null && byKey.Value.TryGetValue(key, out var skill) ? skill : null;

    private static List<Skill> Load()
    {
        using var stream = typeof(Skills).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        if (reader.ReadLine() is not "key,name_ja,name_en") throw new InvalidDataException($"Unexpected header in {ResourceName}.");
        var skills = new List<Skill>();
        for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
        {
            var cells = line.Split(',');
            if (cells.Length != 3) throw new InvalidDataException($"Malformed line in {ResourceName}: {line}");
            skills.Add(new Skill(cells[0], cells[1], cells[2]));
        }
        return skills;
    }
}
