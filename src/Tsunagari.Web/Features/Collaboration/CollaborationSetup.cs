namespace Tsunagari.Features.Collaboration;

/// <summary>Collaboration (協働): the initiative registry, the trial-collaboration scheme and places for dialogue.</summary>
public static class CollaborationSetup
{
    public static void AddCollaboration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // After the demo directory, whose organizations it uses.
        services.AddScoped<ISeed, Data.Demo.DemoCollaboration>();
        // Initiatives
        services.AddScoped<Initiatives.ExportInitiatives>();
        // Calls and proposals
        services.AddScoped<Accounts.IPersonalData, Proposals.CollaborationPersonalData>();
        // Pilots
        services.AddScoped<Pilots.ExportPilots>();
        // Dialogue
    }

    public static void MapCollaborationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Initiatives
        Initiatives.InitiativesApi.MapInitiativesApi(api);
        // Calls and proposals
        Calls.CallsApi.MapCallsApi(api);
        // Pilots
        Pilots.PilotsApi.MapPilotsApi(api);
    }
}
