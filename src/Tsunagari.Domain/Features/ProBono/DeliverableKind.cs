namespace Tsunagari.Features.ProBono;

/// <summary>What the organization wants delivered at the end of the month.</summary>
public enum DeliverableKind
{
    Website = 1,
    Pamphlet = 2,
    BusinessPlan = 3,
    MarketingResearch = 4,
    Accounting = 5,
    FundraisingPlan = 6,
    ItSetup = 7,
    VolunteerManagement = 8,
    Other = 99,
}
