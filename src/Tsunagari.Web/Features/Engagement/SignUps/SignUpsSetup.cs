using Microsoft.Extensions.Options;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>Sign-ups and the notifications they (and other parts) send.</summary>
public static class SignUpsSetup
{
    public static void AddSignUps(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<SignUpForOpportunity>();
        services.AddScoped<ChangeSignUpStatus>();
        services.AddScoped<IOpportunityChanges, OpportunityChangeNotices>();
        services.AddScoped<IOpportunityChanges, OpportunitySignUps>();
        services.AddScoped<IPersonalData, SignUpPersonalData>();
        services.AddScoped<IPersonalData, NotificationPersonalData>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddBackgroundLoop<DeliverNotifications>(
            (job, cancellationToken) => job.RunAsync(cancellationToken),
            provider => provider.GetRequiredService<IOptions<NotificationOptions>>().Value.PollInterval);
    }
}
