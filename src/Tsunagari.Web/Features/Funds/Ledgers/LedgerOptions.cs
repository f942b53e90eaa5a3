namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>How the ledger values what is not money. Each prefecture sets its own (appsettings "Tsunagari:Funds").</summary>
public sealed class LedgerOptions
{
    public const string Section = "Tsunagari:Funds";

    /// <summary>
    /// Yen per volunteer hour: the replacement cost of an hour at the prefecture's minimum wage, a cautious value. The
    /// default is Chiba's minimum wage from October 2025 (千葉県最低賃金 1,140円). Pro bono hours are valued at the
    /// professional rates of the pro bono feature instead (ProBonoOptions).
    /// </summary>
    public decimal VolunteerHourValue { get; set; } = 1140;
}
