namespace Tsunagari.Features.Organizations;

/// <summary>
/// An organization's profile as a person or an API client sends it: the form binds it as "Input", the API reads it as
/// JSON. Kind and legal form are their enum names. <see cref="ValidateOrganization"/> checks it for both.
/// </summary>
public sealed class OrganizationInput
{
    public string? Name { get; set; }
    public string? Kana { get; set; }
    public string? Kind { get; set; }
    public string? LegalForm { get; set; }
    public string? CorporateNumber { get; set; }
    public bool IntermediateSupport { get; set; }
    public List<string> Municipalities { get; set; } = [];
    public List<int> Fields { get; set; } = [];
    public string? Mission { get; set; }
    public string? Description { get; set; }
    public DateOnly? Founded { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }
    public List<int> WaysToHelp { get; set; } = [];

    public static OrganizationInput From(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new OrganizationInput
        {
            Name = organization.Name,
            Kana = organization.Kana,
            Kind = organization.Kind.ToString(),
            LegalForm = organization.LegalForm.ToString(),
            CorporateNumber = organization.CorporateNumber,
            IntermediateSupport = organization.IsIntermediateSupport,
            Municipalities = [.. organization.MunicipalityCodes],
            Fields = [.. organization.Fields],
            Mission = organization.Mission,
            Description = organization.Description,
            Founded = organization.Founded,
            ContactEmail = organization.ContactEmail,
            ContactPhone = organization.ContactPhone,
            Website = organization.Website,
            WaysToHelp = [.. organization.WaysToHelp],
        };
    }
}
