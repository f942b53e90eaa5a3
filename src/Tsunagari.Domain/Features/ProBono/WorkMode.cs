namespace Tsunagari.Features.ProBono;

/// <summary>How the team works with the organization.</summary>
public enum WorkMode
{
    Online = 1,
    InPerson = 2,
    Either = 3,
}
