using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Platform;

namespace Tsunagari.Features.ProBono;

/// <summary>Pro bono: challenges, professionals, team formation and projects.</summary>
public static class ProBonoSetup
{
    public static void AddProBono(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<Projects.ProBonoOptions>().BindConfiguration(Projects.ProBonoOptions.Section);
        services.AddSingleton<FormTeams>();
        services.AddScoped<ValidateTeamFormation>();
        services.AddScoped<Rounds.RunRound>();
        services.AddBackgroundLoop<Projects.SendFollowUps>((job, cancellationToken) => job.RunAsync(cancellationToken), NotificationOptions.HourlyAtMost);
        services.AddScoped<Professionals.RespondToProposal>();
        services.AddScoped<ExpertSessions.SuggestExperts>();
        services.AddScoped<ExpertSessions.AnswerExpertSession>();
        services.AddScoped<Accounts.IPersonalData, Professionals.ProBonoPersonalData>();
    }

    public static void MapProBonoApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapTeamFormationApi();
    }
}
