namespace Tsunagari.Platform;

public static class Requests
{
    /// <summary>API clients get ProblemDetails; people get pages.</summary>
    public static bool WantsJson(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WantsJson(context.Request.Path);
    }

    public static bool WantsJson(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);
}
