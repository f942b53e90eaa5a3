using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Platform.Errors;

public static class LocalizedProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (title, detail) = ErrorText.For(status);
        context.ProblemDetails.Title = localizer[title];
        context.ProblemDetails.Detail ??= localizer[detail];
        context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }
}
