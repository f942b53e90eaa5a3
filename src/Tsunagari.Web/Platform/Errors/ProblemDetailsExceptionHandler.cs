using Microsoft.AspNetCore.Diagnostics;

namespace Tsunagari.Platform.Errors;

/// <summary>The one place an unexpected exception becomes a response; API clients get ProblemDetails without internals.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = ErrorResponses.StatusCodeOf(exception);
        if (status >= 500) LogFailure(logger, exception, status);
        else LogRejection(logger, status, exception.GetType().Name);

        if (!Requests.WantsJson(httpContext)) return false;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status },
        });
    }

    [LoggerMessage(LogLevel.Error, "Request failed with {Status}")]
    private static partial void LogFailure(ILogger logger, Exception exception, int status);

    [LoggerMessage(LogLevel.Information, "Request rejected with {Status}: {Reason}")]
    private static partial void LogRejection(ILogger logger, int status, string reason);
}
