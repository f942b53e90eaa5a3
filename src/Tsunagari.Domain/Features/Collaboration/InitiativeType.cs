namespace Tsunagari.Features.Collaboration;

/// <summary>Who carries a local initiative, numbered as in the seed's diagram (㉗, ㉘, ㉙).</summary>
public enum InitiativeType
{
    /// <summary>㉗ 住民による取組: the government's role is to enrich the chances to use residents' abilities.</summary>
    ByResidents = 27,

    /// <summary>㉘ 行政による取組: the government's role is to examine whether it could be done with residents.</summary>
    ByGovernment = 28,

    /// <summary>㉙ 住民と行政の協働による取組: deepened through mutual understanding and a fitting division of roles.</summary>
    Together = 29,
}

/// <summary>The three stages of an initiative by residents and government together (㉙), in order.</summary>
public enum CollaborationStage
{
    /// <summary>地域をともに担える主体となるよう、地域の主体を支援する段階</summary>
    SupportingActors = 1,

    /// <summary>時間や空間を区切って協働による事業を実施し、課題解決を試験的に図る段階</summary>
    Pilot = 2,

    /// <summary>課題の継続的な解決を図る制度を協働してつくっていく段階</summary>
    System = 3,
}

/// <summary>Who owns an initiative: a government department, an organization on the platform, or a group.</summary>
public enum InitiativeOwnerKind
{
    Department = 1,
    Organization = 2,
    Group = 3,
}
