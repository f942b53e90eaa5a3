namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>One eligible (professional, challenge, role) triple of a <see cref="Round"/>, by index, and its fit.</summary>
internal readonly record struct Option(int Pro, int Challenge, int Role, int Fit);
