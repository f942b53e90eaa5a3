namespace Tsunagari.Features.Funds.Donations;

public sealed record CampaignProgressView(Campaign Campaign, CampaignProgress Progress);
