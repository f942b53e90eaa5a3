using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

public static class AccountsSetup
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddIdentity<Account, IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Length protects better than composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<AccountClaims>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "tsunagari";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenAuthentication>(PersonalAccessTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole([.. Roles.Staff]).AddRequirements(new StaffTwoFactorRequirement()))
            .AddPolicy(Policies.PrefectureAdmin, p => p.RequireRole(Roles.PrefectureAdmin).AddRequirements(new StaffTwoFactorRequirement()))
            .AddPolicy(Policies.Api, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, PersonalAccessTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, StaffTwoFactorRequirement.Handler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.AddScoped<IAuthorizationHandler, AccountAuthorization>();

        services.AddScoped<AuditTrail>();
        services.AddScoped<CreateAdmin>();
        services.AddScoped<SendConfirmation>();
        services.AddScoped<ExportPersonalData>();
        services.AddScoped<IPersonalData, AccountPersonalData>();
        services.AddScoped<DeleteAccount>();
        services.AddScoped<ISeed, RoleSeed>();
        services.AddScoped<ISeed, DemoAccounts>();
    }

    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, Task> ApiAwareRedirect(int status) =>
        context =>
        {
            if (Platform.Requests.WantsJson(context.HttpContext))
                context.Response.StatusCode = status;
            else
                context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
}
