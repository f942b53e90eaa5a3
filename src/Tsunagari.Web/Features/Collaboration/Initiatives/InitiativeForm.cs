using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>What the shared initiative fields partial needs from the new and edit pages.</summary>
/// <param name="Current">The initiative being edited (its type and stage are shown, not posted); null when registering.</param>
public sealed record InitiativeForm(
    InitiativeInput Input,
    InitiativeInput.Rules Rules,
    IReadOnlyList<OrganizationChoices.MunicipalitySection> Sections,
    ModelStateDictionary State,
    Initiative? Current);
