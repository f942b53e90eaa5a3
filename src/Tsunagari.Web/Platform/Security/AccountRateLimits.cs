using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Tsunagari.Platform.Security;

/// <summary>
/// Limits attempts to sign in, register and reset passwords per client address, against password guessing and
/// mail flooding. Pages are free to view; only their form posts count.
/// </summary>
public static class AccountRateLimits
{
    private static readonly string[] LimitedPaths =
        ["/account/login", "/account/login-2fa", "/account/register", "/account/forgot-password", "/account/reset-password", "/account/resend-confirmation"];

    public static void AddAccountRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue("RateLimits:AccountPermitLimit", 10);
            var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:AccountWindowSeconds", 60));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = RejectAsync;
        });
    }

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && LimitedPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Only the status and Retry-After: the status code pages then answer with ProblemDetails (API) or the
    /// localized error page, which tells the person how long to wait.
    /// </summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }
}
