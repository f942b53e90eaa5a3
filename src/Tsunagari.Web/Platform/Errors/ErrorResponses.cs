using System.Data.Common;
using Microsoft.AspNetCore.Antiforgery;

namespace Tsunagari.Platform.Errors;

public static class ErrorResponses
{
    /// <summary>Unexpected exceptions and empty error responses become ProblemDetails (API) or the localized error page.</summary>
    public static void UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = StatusCodeOf,
        });
        app.UseWhen(Requests.WantsJson, branch => branch.UseStatusCodePages());
        app.UseWhen(context => !Requests.WantsJson(context), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
    }

    public static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException invalid when IsBodyTooLarge(invalid) => StatusCodes.Status413PayloadTooLarge,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The form reader's multipart limit (FormOptions.MultipartBodyLengthLimit) was passed: the body was too large, which
    /// is a 413 like Kestrel's own limit, not a malformed request. The reader says so only in its (English, unlocalized)
    /// message, "Multipart body length limit {0} exceeded.".
    /// </summary>
    public static bool IsBodyTooLarge(InvalidDataException exception) =>
        exception?.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is DbException { IsTransient: true } or TimeoutException) return true;
        return false;
    }
}
