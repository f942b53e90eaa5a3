namespace Tsunagari.Features.Funds.Donations;

/// <summary>What the campaign fields partial shows: the input, the organizations to choose from (new only), their funds.</summary>
public sealed record CampaignFields(CampaignInput Input, IReadOnlyList<(Guid Id, string Name)>? Organizations, IReadOnlyList<(Guid Id, string Name)> Funds);
