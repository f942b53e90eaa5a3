namespace Tsunagari.Features.ProBono;

/// <summary>A role the challenge needs: a skill key from the shared taxonomy and how many people in it.</summary>
public sealed record ChallengeRole(string Skill, int Count);
