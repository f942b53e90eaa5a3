using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>A campaign's form as typed: text until checked, so nothing typed is lost when something is wrong.</summary>
public sealed class CampaignInput
{
    public Guid? OrganizationId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? GoalAmount { get; set; }
    public string? GoalPeople { get; set; }
    public string? EndsOn { get; set; }
    public Guid? FundId { get; set; }

    public sealed record Checked(string Title, string Description, decimal? GoalAmount, int? GoalPeople, DateOnly? EndsOn, Guid? FundId);

    /// <summary>The checked values, or null with the problems in <paramref name="errors"/> (keys without the "Input." prefix).</summary>
    public Checked? Check(IReadOnlyCollection<Guid> funds, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(funds);
        var title = FormText.Check(Title, nameof(Title), "キャンペーン名", Campaign.MaxTitleLength, l, errors);
        var description = FormText.Check(Description, nameof(Description), "説明", Campaign.MaxDescriptionLength, l, errors, required: false);
        var amount = YenText.Parse(GoalAmount, nameof(GoalAmount), "目標金額", l, errors, required: false);
        int? people = null;
        if (!string.IsNullOrWhiteSpace(GoalPeople))
        {
            if (int.TryParse(GoalPeople.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000_000) people = n;
            else errors.Add((nameof(GoalPeople), l["目標人数は1から10,000,000までの整数で入力してください。"]));
        }
        if (string.IsNullOrWhiteSpace(GoalAmount) && string.IsNullOrWhiteSpace(GoalPeople))
            errors.Add((nameof(GoalAmount), l["目標金額か目標人数の少なくとも一方を入力してください。"]));
        DateOnly? ends = null;
        if (!string.IsNullOrWhiteSpace(EndsOn))
        {
            if (DateOnly.TryParseExact(EndsOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) ends = d;
            else errors.Add((nameof(EndsOn), l["締切日は「2027-03-31」の形で入力してください。"]));
        }
        if (FundId is { } fund && !funds.Contains(fund)) errors.Add((nameof(FundId), l["基金は団体が持つものから選んでください。"]));
        return errors.Count > 0 ? null : new Checked(title, description, amount, people, ends, FundId);
    }

    public static CampaignInput From(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new()
        {
            OrganizationId = campaign.OrganizationId,
            Title = campaign.Title,
            Description = campaign.Description,
            GoalAmount = campaign.GoalAmount?.ToString("N0", CultureInfo.InvariantCulture),
            GoalPeople = campaign.GoalPeople?.ToString(CultureInfo.InvariantCulture),
            EndsOn = campaign.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FundId = campaign.FundId,
        };
    }

    public static void Apply(Checked values, Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(campaign);
        (campaign.Title, campaign.Description, campaign.GoalAmount, campaign.GoalPeople, campaign.EndsOn, campaign.FundId) =
            (values.Title, values.Description, values.GoalAmount, values.GoalPeople, values.EndsOn, values.FundId);
        campaign.UpdatedAt = now;
    }
}
