namespace Tsunagari.Platform;

public static class Requests
{
    /// <summary>API clients get ProblemDetails; people get pages.</summary>
    public static bool WantsJson(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);
    }
}
