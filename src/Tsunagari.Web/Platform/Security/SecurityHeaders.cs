using Tsunagari.Platform.Errors;

namespace Tsunagari.Platform.Security;

public static class SecurityHeaders
{
    private static readonly object FormReadKey = new();

    // Scripts and styles only from our own origin: no inline script can run, even if markup is injected.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>
    /// Rejects a declared body over the limit before reading it: the endpoint's own where it sets one
    /// (<c>[RequestSizeLimit]</c>; this runs after routing), else <paramref name="maxBytes"/>. A form without a declared
    /// length (chunked) is read here, before the page: otherwise the antiforgery check would be the first to read it, and
    /// it answers any failure to read the form, the size limit included, with a bare 400. Read here, the limit (Kestrel's,
    /// or the form reader's where Kestrel is not in front) surfaces as an exception that the error responses turn into a
    /// localized 413.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
            if (request.ContentLength > limit)
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            // Kestrel then counts a chunked body against the same limit while it is read below.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            // Once per request: the error page is re-executed on the same context and must not read the body again.
            if (request.ContentLength is null && request.HasFormContentType && context.Items.TryAdd(FormReadKey, true))
            {
                try
                {
                    await request.ReadFormAsync(context.RequestAborted);
                }
                // A broken multipart body (the reader's "Unexpected end of Stream" is an IOException) is the client's
                // mistake, as the antiforgery check would have said; Kestrel's own limits are BadHttpRequestExceptions already.
                catch (Exception e) when ((e is InvalidDataException invalid && !ErrorResponses.IsBodyTooLarge(invalid))
                    || (e is IOException and not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested))
                {
                    throw new BadHttpRequestException("Malformed form.", StatusCodes.Status400BadRequest, e);
                }
            }
            await next();
        });
}
