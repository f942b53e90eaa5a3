using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Tsunagari.Platform.Errors;

/// <summary>The one place an unexpected exception becomes a response; API clients get ProblemDetails without internals.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = ErrorResponses.StatusCodeOf(exception);
        if (status >= 500) LogFailure(logger, exception, status);
        else LogRejection(logger, status, exception.GetType().Name);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // The database is unreachable or busy: tell clients when to retry (the error page shows it too).
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            // Idle pooled connections opened before the outage are dead too; without this each one would fail one more
            // request after the database returns. Clearing closes idle ones now and busy ones when they are returned.
            NpgsqlConnection.ClearAllPools();
        }

        // The middleware has already pointed the request at /error; the path asked for is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (!(path is null ? Requests.WantsJson(httpContext) : Requests.WantsJson(new PathString(path)))) return false;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status },
        });
    }

    /// <summary>A database outage is usually a restart or a failover: seconds, not minutes.</summary>
    public const string RetryAfterSeconds = "10";

    [LoggerMessage(LogLevel.Error, "Request failed with {Status}")]
    private static partial void LogFailure(ILogger logger, Exception exception, int status);

    [LoggerMessage(LogLevel.Information, "Request rejected with {Status}: {Reason}")]
    private static partial void LogRejection(ILogger logger, int status, string reason);
}
