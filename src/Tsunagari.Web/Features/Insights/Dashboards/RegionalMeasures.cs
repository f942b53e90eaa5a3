namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>What a measure's figures are by: quarters, or one figure for all time (a current state).</summary>
public enum MeasurePeriod
{
    Quarter,
    AllTime,
}

/// <summary>
/// One measure of the regional dashboards: its name in <see cref="RegionalFigure.Measure"/>, its Japanese label (a key
/// of the shared resource), its unit, what its key means and whether it counts people (then 1–4 are never shown).
/// </summary>
public sealed record RegionalMeasure(string Name, string Label, string Unit, MeasurePeriod Period, string KeyMeaning, bool CountsPeople);

/// <summary>
/// The measures the dashboards write into <see cref="RegionalFigure"/> rows (definitions in docs/insights-dashboards.md).
/// People measures are kept per person by <see cref="DashboardPeople"/> (a person counts once, in one municipality);
/// the others are replaced by <see cref="DashboardOrganizationFigures"/> every few minutes.
/// </summary>
public static class RegionalMeasures
{
    /// <summary>People with at least one activity in the quarter.</summary>
    public const string Participants = "people.participants";

    /// <summary>People with at least one activity in the four quarters ending with the quarter (a rolling year).</summary>
    public const string ParticipantsYear = "people.participants-4q";

    /// <summary>People whose first activity on the platform fell in the quarter.</summary>
    public const string Newcomers = "people.newcomers";

    /// <summary>Activities (attended sign-ups and approved hours reports) in the quarter.</summary>
    public const string Activities = "people.activities";

    /// <summary>Volunteer hours of those activities.</summary>
    public const string Hours = "people.hours";

    /// <summary>People with at least two activities in the four quarters ending with the quarter.</summary>
    public const string RepeatersYear = "people.repeaters-4q";

    /// <summary>People by their deepest current stage over all organizations (key: the stage).</summary>
    public const string Stage = "people.stage";

    /// <summary>People who ever reached a stage with some organization (key: the stage).</summary>
    public const string Reached = "people.reached";

    /// <summary>People who reached a stage and the stage before it (key: the later stage): the numerator of the conversion.</summary>
    public const string Converted = "people.converted";

    /// <summary>Organizations on the platform by kind, in their first municipality.</summary>
    public const string Organizations = "organizations";

    /// <summary>Organizations by kind whose participants' span of activity overlaps the quarter.</summary>
    public const string ActiveOrganizations = "organizations.active";

    /// <summary>Published opportunities by NPO Act field (key: the field's number), where they take place.</summary>
    public const string OpportunitiesByField = "opportunities.field";

    /// <summary>Published opportunities by way to take part (key: the way's key).</summary>
    public const string OpportunitiesByWay = "opportunities.way";

    /// <summary>Money donations received (yen) by the quarter they were received.</summary>
    public const string Donations = "money.donations";

    /// <summary>Grants awarded (yen) by the quarter they were awarded.</summary>
    public const string Grants = "money.grants";

    /// <summary>Pro bono projects by status (key: active or completed).</summary>
    public const string ProBonoProjects = "probono.projects";

    /// <summary>Collaboration pilots by stage (key: running, or the decision taken).</summary>
    public const string Pilots = "collaboration.pilots";

    /// <summary>Every measure with its label, for the dashboards, the map and the open-data export.</summary>
    public static IReadOnlyList<RegionalMeasure> All { get; } =
    [
        new(Participants, "参加者数", "人", MeasurePeriod.Quarter, "", true),
        new(ParticipantsYear, "直近4四半期の参加者数", "人", MeasurePeriod.Quarter, "", true),
        new(Newcomers, "新規参加者数", "人", MeasurePeriod.Quarter, "", true),
        new(Activities, "活動回数", "回", MeasurePeriod.Quarter, "", false),
        new(Hours, "ボランティア時間", "時間", MeasurePeriod.Quarter, "", false),
        new(RepeatersYear, "直近4四半期に2回以上参加した人数", "人", MeasurePeriod.Quarter, "", true),
        new(Stage, "現在の段階別の人数", "人", MeasurePeriod.AllTime, "stage", true),
        new(Reached, "各段階に到達した人数", "人", MeasurePeriod.AllTime, "stage", true),
        new(Converted, "前の段階から到達した人数", "人", MeasurePeriod.AllTime, "stage", true),
        new(Organizations, "団体数", "団体", MeasurePeriod.AllTime, "kind", false),
        new(ActiveOrganizations, "活動中の団体数", "団体", MeasurePeriod.Quarter, "kind", false),
        new(OpportunitiesByField, "分野別の募集数", "件", MeasurePeriod.AllTime, "field", false),
        new(OpportunitiesByWay, "関わり方別の募集数", "件", MeasurePeriod.AllTime, "way", false),
        new(Donations, "寄付の受領額", "円", MeasurePeriod.Quarter, "", false),
        new(Grants, "助成の決定額", "円", MeasurePeriod.Quarter, "", false),
        new(ProBonoProjects, "プロボノプロジェクト数", "件", MeasurePeriod.AllTime, "status", false),
        new(Pilots, "協働の試行数", "件", MeasurePeriod.AllTime, "stage", false),
    ];

    /// <summary>The measures kept per person.</summary>
    public static IReadOnlyList<string> People { get; } = [Participants, ParticipantsYear, Newcomers, Activities, Hours, RepeatersYear, Stage, Reached, Converted];

    /// <summary>The measures replaced by the periodic job.</summary>
    public static IReadOnlyList<string> Periodic { get; } = [Organizations, ActiveOrganizations, OpportunitiesByField, OpportunitiesByWay, Donations, Grants, ProBonoProjects, Pilots];

    /// <summary>Whether a measure's quarter is hidden when it rests on 1–4 participants (their hours and activities).</summary>
    public static bool RestsOnParticipants(string name) => name is Activities or Hours;

    public static RegionalMeasure? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
