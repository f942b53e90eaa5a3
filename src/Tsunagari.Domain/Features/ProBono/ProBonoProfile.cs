namespace Tsunagari.Features.ProBono;

/// <summary>
/// A resident who offers their professional skills to pro bono teams. Kept inactive when they step back without
/// deleting it; only active profiles are matched.
/// </summary>
public sealed class ProBonoProfile
{
    public const int MaxYears = 70;
    public const int MaxHoursPerWeek = 40;

    public Guid AccountId { get; private set; }
    public bool Active { get; set; } = true;
    public List<ProBonoSkill> Skills { get; set; } = [];
    public int YearsOfExperience { get; set; }
    public int HoursPerWeek { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableTo { get; set; }

    /// <summary>Fields of activity (NPO Act numbers).</summary>
    public List<int> PreferredFields { get; set; } = [];

    /// <summary>Local government codes.</summary>
    public List<string> PreferredMunicipalities { get; set; } = [];

    public bool AcceptsOnline { get; set; }
    public bool AcceptsInPerson { get; set; }

    /// <summary>Organizations the person must never be matched with (their employer, a board they sit on…).</summary>
    public List<Guid> Conflicts { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    private ProBonoProfile() { }

    public ProBonoProfile(Guid accountId, DateTimeOffset now)
    {
        AccountId = accountId;
        UpdatedAt = now;
    }
}

/// <summary>A skill key from the shared taxonomy with the person's level (1–3).</summary>
public sealed record ProBonoSkill(string Skill, int Level);
