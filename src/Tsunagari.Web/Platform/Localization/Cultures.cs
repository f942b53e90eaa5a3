using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Tsunagari.Platform.Localization;

public static class Cultures
{
    public const string Japanese = "ja";
    public const string English = "en";
    public static readonly string[] Supported = [Japanese, English];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SetDefaultCulture(Japanese).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
        // Order: an explicit ?culture= wins, then the remembered choice, then the browser's languages.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    /// <summary>The same page in another language: the current address with ?culture= set.</summary>
    public static string SwitchUrl(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("culture", culture));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>Remembers a language chosen with ?culture= so the next pages keep it.</summary>
    public static IApplicationBuilder UseCultureChoiceCookie(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var chosen = context.Request.Query["culture"].ToString();
            if (IsSupported(chosen))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.ToLowerInvariant())),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            }
            await next();
        });
}
