using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;

namespace Tsunagari.Tests.Features.Collaboration.Initiatives;

/// <summary>Initiatives for the registry tests, through the form or straight in the database.</summary>
public static class InitiativeData
{
    /// <summary>Chiba City and Funabashi.</summary>
    public const string Chiba = "121002", Funabashi = "122041";

    /// <summary>A department's ㉙ initiative at the support stage, heading to the pilot stage, in Chiba City and Funabashi.</summary>
    public static Dictionary<string, string> Form(string title = "地域食堂の協働づくり", string department = "県民生活課") => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "子ども食堂を地域で支える仕組みを、住民と行政でつくります。",
        ["Input.OwnerKind"] = "Department",
        ["Input.OwnerName"] = department,
        ["Input.Municipalities[0]"] = Chiba,
        ["Input.Municipalities[1]"] = Funabashi,
        ["Input.Fields[0]"] = "2",
        ["Input.Challenges[0]"] = "1",
        ["Input.Challenges[1]"] = "21",
        ["Input.Pathways[0]"] = "3",
        ["Input.Pathways[1]"] = "20",
        ["Input.Type"] = "29",
        ["Input.Stage"] = "SupportingActors",
        ["Input.TargetType"] = "29",
        ["Input.TargetStage"] = "Pilot",
        ["Input.TargetDate"] = "2099-03-31",
    };

    public static InitiativeDetails Details(
        string title, InitiativeOwnerKind kind = InitiativeOwnerKind.Department, string owner = "県民生活課", Guid? organizationId = null,
        IReadOnlyList<string>? municipalities = null, InitiativeType? targetType = null, CollaborationStage? targetStage = null,
        IReadOnlyList<int>? challenges = null, IReadOnlyList<int>? pathways = null) =>
        new(title, "概要", kind, owner, organizationId, municipalities ?? [Chiba], [2], challenges ?? [1], pathways ?? [3],
            targetType, targetStage, targetType is null ? null : new DateOnly(2099, 3, 31));

    public static async Task<Guid> AddAsync(TestApp app, InitiativeDetails details, InitiativeType type, CollaborationStage? stage = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var creator = await db.Users.Select(u => (Guid?)u.Id).FirstOrDefaultAsync()
            ?? (await app.CreateAccountAsync($"registrar-{Guid.NewGuid():N}@example.jp")).Account.Id;
        var initiative = new Initiative(details, type, stage, creator, DateTimeOffset.UtcNow);
        db.Initiatives.Add(initiative);
        db.InitiativeChanges.Add(initiative.Registered(creator));
        await db.SaveChangesAsync();
        return initiative.Id;
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<Initiative?> FindAsync(TestApp app, Guid id) =>
        QueryAsync(app, db => db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id));

    public static Task<List<InitiativeChange>> HistoryAsync(TestApp app, Guid id) =>
        QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().Where(c => c.InitiativeId == id).ToListAsync());

    public static Guid IdFrom(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        return Guid.Parse(redirect.Headers.Location!.OriginalString["/collaboration/initiatives/".Length..]);
    }
}
