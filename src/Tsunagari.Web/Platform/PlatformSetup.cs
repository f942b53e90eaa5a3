using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Tsunagari.Data;
using Tsunagari.Platform.Errors;
using Tsunagari.Platform.Localization;
using Tsunagari.Platform.Mail;
using Tsunagari.Platform.Security;
using Tsunagari.Resources;

namespace Tsunagari.Platform;

public static class PlatformSetup
{
    /// <summary>Largest request body accepted (uploads included); larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<TsunagariOptions>(builder.Configuration.GetSection(TsunagariOptions.Section));
        services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Mailer>();

        // Japanese text as characters, not &#x…; entities (which would triple the size of every page).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.LocalizeModelBindingMessages();
        services.Configure<RequestLocalizationOptions>(Cultures.Configure);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalizedProblemDetails.Customize);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Features name their own policies (InsightsCaching); pages without one are never cached.
        services.AddOutputCache();

        services.AddDataProtection().SetApplicationName("Tsunagari").PersistKeysToDbContext<AppDbContext>();
        services.AddAccountRateLimits();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    public static void UsePlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        // Browsers that once reached the site over HTTPS never fall back to plain HTTP (sent on HTTPS responses only).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseCultureChoiceCookie();
        app.UseErrorResponses();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseRequestSizeLimit(MaxRequestBodyBytes);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the output cache serves stored pages to anonymous readers only.
        app.UseOutputCache();

        app.MapHealthChecks("/healthz");
        // Liveness without the database: the baseline that load tests compare pages with (same pipeline, no work).
        app.MapGet("/healthz/live", () => Results.Text("ok", "text/plain")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi();
    }
}
