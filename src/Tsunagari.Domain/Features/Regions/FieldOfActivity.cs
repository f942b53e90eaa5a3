namespace Tsunagari.Features.Regions;

/// <summary>One of the 20 fields of activity of the NPO Act (特定非営利活動促進法 別表), numbered as in the Act.</summary>
public sealed record FieldOfActivity(int Number, string Name, string NameEn);
