using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// The programme's eligibility rules checked against the applying organization's profile: each rule the programme sets
/// gives one line, met or not. An application whose organization does not meet every rule is not submitted.
/// </summary>
public static class GrantEligibility
{
    /// <summary>A rule's name (a localization key) and whether it is met.</summary>
    public sealed record Check(string Rule, bool Met);

    public static IReadOnlyList<Check> Of(GrantProgramme programme, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(organization);
        var checks = new List<Check>();
        if (programme.EligibleLegalForms.Count > 0)
            checks.Add(new("法人格が応募の条件に合っている", programme.EligibleLegalForms.Contains(organization.LegalForm)));
        if (programme.EligibleMunicipalities.Count > 0)
            checks.Add(new("条件の市区町村で活動している", organization.MunicipalityCodes.Any(programme.EligibleMunicipalities.Contains)));
        if (programme.EligibleFields.Count > 0)
            checks.Add(new("条件の活動分野で活動している", organization.Fields.Any(programme.EligibleFields.Contains)));
        return checks;
    }
}
