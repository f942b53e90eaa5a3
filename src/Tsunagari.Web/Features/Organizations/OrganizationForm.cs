using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tsunagari.Features.Organizations;

/// <summary>Puts <see cref="ValidateOrganization"/>'s errors on a page's form, whose fields are named Input.X.</summary>
public static class OrganizationForm
{
    public static void AddErrors(ModelStateDictionary modelState, ValidateOrganization.Result result)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (key, messages) in result.Errors)
            foreach (var message in messages)
                modelState.AddModelError($"Input.{key}", message);
    }
}
