using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform.Errors;
using Tsunagari.Resources;

namespace Tsunagari.Platform.Security;

/// <summary>
/// Limits attempts to sign in, register and reset passwords per client address, against password guessing and
/// mail flooding. Pages are free to view; only their form posts count.
/// </summary>
public static class AccountRateLimits
{
    private static readonly string[] LimitedPaths =
        ["/account/login", "/account/login-2fa", "/account/register", "/account/forgot-password", "/account/resend-confirmation"];

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

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (title, _) = ErrorText.For(StatusCodes.Status429TooManyRequests);
        var detail = l["試行回数が多すぎます。{0}秒後にもう一度お試しください。", seconds];
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"{l[title]}\n{detail}", cancellationToken);
    }
}
