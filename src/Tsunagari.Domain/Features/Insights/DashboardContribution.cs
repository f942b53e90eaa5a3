namespace Tsunagari.Features.Insights;

/// <summary>
/// What one person last added to the people measures of the regional dashboards (<see cref="RegionalFigure"/>), kept so
/// that an update subtracts exactly what was added before and adds the new contribution: every person counts once, in
/// one municipality, and a sum over municipalities counts distinct people. Compact on purpose (one row per person at
/// prefecture scale): the figures are derived from these facts by the dashboards' writer.
/// </summary>
public sealed class DashboardContribution
{
    public Guid AccountId { get; private set; }

    /// <summary>The municipality of most of the person's activity across organizations, or <see cref="RegionalFigure.NoMunicipality"/>.</summary>
    public string MunicipalityCode { get; private set; } = "";

    /// <summary>The deepest current stage over the person's journeys (a <c>JourneyStage</c> value), 0 for none.</summary>
    public int Stage { get; private set; }

    /// <summary>The stages ever reached with some organization, bit n set for stage n.</summary>
    public int Reached { get; private set; }

    /// <summary>Activity by quarter, ascending: "20261:3:4.5;20262:1:0" (quarter:activities:hours).</summary>
    public string Quarters { get; private set; } = "";

    private DashboardContribution() { }

    public DashboardContribution(Guid accountId, string municipalityCode, int stage, int reached, string quarters)
    {
        ArgumentNullException.ThrowIfNull(municipalityCode);
        ArgumentNullException.ThrowIfNull(quarters);
        AccountId = accountId;
        MunicipalityCode = municipalityCode;
        Stage = stage;
        Reached = reached;
        Quarters = quarters;
    }
}
