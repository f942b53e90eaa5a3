using System.Text.Json;

namespace Tsunagari.Features.Collaboration;

/// <summary>
/// The seed's framework for a mutual-help society (共助社会づくり): 8 actors with their 24 challenges (①–㉔) and 3 visions
/// with their 27 pathways (①–㉗). Read from the embedded kyojo-framework.json, copied from the project's shared reference
/// data; its source is Cabinet Office 共助社会づくり懇談会『共助社会づくりの推進について』(2015) as quoted in the seed
/// document. The texts are Japanese; the UI translates them like every other label.
/// </summary>
public static class KyojoFramework
{
    public const string ResourceName = "kyojo-framework.json";
    public const int ChallengeCount = 24;
    public const int PathwayCount = 27;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Catalogue> catalogue = new(Load);

    public static IReadOnlyList<KyojoActor> Actors => catalogue.Value.Actors;
    public static IReadOnlyList<KyojoVision> Visions => catalogue.Value.Visions;

    public static IEnumerable<KyojoChallenge> Challenges => Actors.SelectMany(a => a.Challenges);
    public static IEnumerable<KyojoPathway> Pathways => Visions.SelectMany(v => v.Pathways);

    public static bool IsActor(int number) => number >= 1 && number <= Actors.Count;
    public static bool IsChallenge(int number) => number is >= 1 and <= ChallengeCount;
    public static bool IsPathway(int number) => number is >= 1 and <= PathwayCount;

    /// <summary>The actor whose challenge this is.</summary>
    public static KyojoActor ActorOf(int challenge) => Actors.First(a => a.Challenges.Any(c => c.Number == challenge));

    /// <summary>The vision this pathway leads to.</summary>
    public static KyojoVision VisionOf(int pathway) => Visions.First(v => v.Pathways.Any(p => p.Number == pathway));

    private static Catalogue Load()
    {
        using var stream = typeof(KyojoFramework).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var catalogue = JsonSerializer.Deserialize<Catalogue>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
        if (catalogue.Actors.Sum(a => a.Challenges.Count) != ChallengeCount || catalogue.Visions.Sum(v => v.Pathways.Count) != PathwayCount)
            throw new InvalidDataException($"{ResourceName} does not have {ChallengeCount} challenges and {PathwayCount} pathways.");
        return catalogue;
    }

    private sealed record Catalogue(IReadOnlyList<KyojoActor> Actors, IReadOnlyList<KyojoVision> Visions);
}

/// <summary>An actor of the seed's framework (地域住民, 地縁組織, NPO等, 企業, …) and its challenges.</summary>
public sealed record KyojoActor(int Number, string Name, IReadOnlyList<KyojoChallenge> Challenges);

/// <summary>One of the 24 challenges (課題), numbered ①–㉔ across the actors.</summary>
public sealed record KyojoChallenge(int Number, string Text);

/// <summary>A vision (つながりの構築, 地域の活性化, …) and the pathways towards it.</summary>
public sealed record KyojoVision(int Number, string Name, IReadOnlyList<KyojoPathway> Pathways);

/// <summary>One of the 27 pathways (方策), numbered ①–㉗ across the visions; <see cref="Group"/> is its subheading, if any.</summary>
public sealed record KyojoPathway(int Number, string? Group, string Text);
