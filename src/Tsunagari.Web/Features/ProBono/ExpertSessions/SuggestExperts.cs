using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>
/// The professionals a coordinator may propose for an expert session: an active pro bono profile with the skill at level
/// ≥ 1, not conflicted with the organization (nor one of its admins), able to work online or in person as the session
/// needs, and not having declined this request. Ordered by level, then fit (a preferred place or online, a preferred field
/// of the organization), then name.
/// </summary>
public sealed class SuggestExperts(AppDbContext db, ListGroupings groupings, IOptions<TsunagariOptions> options)
{
    public const int MaxShown = 20;

    public sealed record Suggestion(Guid AccountId, string Name, int Level, int Fit, bool NearOrOnline, bool PreferredField);

    /// <summary>Every eligible professional, best first.</summary>
    public async Task<IReadOnlyList<Suggestion>> RunAsync(ExpertSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var skill = session.Skill;
        var profiles = await db.ProBonoProfiles.AsNoTracking()
            .Where(p => p.Active && p.Skills.Any(s => s.Skill == skill && s.Level >= 1))
            .ToListAsync(cancellationToken);
        if (profiles.Count == 0) return [];
        var declined = (await db.ExpertSessionDeclines.AsNoTracking().Where(d => d.SessionId == session.Id)
            .Select(d => d.AccountId).ToListAsync(cancellationToken)).ToHashSet();
        var admins = (await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == session.OrganizationId && m.Role == MembershipRole.Admin)
            .Select(m => m.AccountId).ToListAsync(cancellationToken)).ToHashSet();
        var fields = await db.Organizations.AsNoTracking().Where(o => o.Id == session.OrganizationId)
            .Select(o => o.Fields).SingleOrDefaultAsync(cancellationToken) ?? [];
        var eligible = profiles.Where(p => Suits(session, p) && !declined.Contains(p.AccountId) && !admins.Contains(p.AccountId)).ToList();
        if (eligible.Count == 0) return [];
        var groupingOf = session.MunicipalityCode is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : ListGroupings.ByMunicipality(await groupings.RunAsync(options.Value.Prefecture, cancellationToken))
                .ToDictionary(g => g.Key, g => g.Value.Id.ToString(), StringComparer.Ordinal);
        var ids = eligible.Select(p => p.AccountId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return eligible.Select(p =>
            {
                var level = p.Skills.First(s => string.Equals(s.Skill, skill, StringComparison.Ordinal)).Level;
                var near = Near(session, p, groupingOf);
                var field = p.PreferredFields.Any(fields.Contains);
                return new Suggestion(p.AccountId, names.GetValueOrDefault(p.AccountId, ""), level, (near ? 1 : 0) + (field ? 1 : 0), near, field);
            })
            .OrderByDescending(s => s.Level).ThenByDescending(s => s.Fit).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.AccountId)
            .ToList();
    }

    /// <summary>Skill, conflicts and the way of working: what an assignment must satisfy (declines are checked by the caller's list).</summary>
    public static bool Suits(ExpertSession session, ProBonoProfile professional)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(professional);
        if (!professional.Active) return false;
        if (!professional.Skills.Any(s => string.Equals(s.Skill, session.Skill, StringComparison.Ordinal) && s.Level >= 1)) return false;
        if (professional.Conflicts.Contains(session.OrganizationId)) return false;
        return session.Mode switch
        {
            WorkMode.Online => professional.AcceptsOnline,
            WorkMode.InPerson => professional.AcceptsInPerson,
            _ => professional.AcceptsOnline || professional.AcceptsInPerson,
        };
    }

    private static bool Near(ExpertSession session, ProBonoProfile professional, IReadOnlyDictionary<string, string> groupingOf)
    {
        if (session.Mode != WorkMode.InPerson && professional.AcceptsOnline) return true;
        if (session.MunicipalityCode is not { } code) return false;
        var grouping = groupingOf.GetValueOrDefault(code);
        return professional.PreferredMunicipalities.Any(m => string.Equals(m, code, StringComparison.Ordinal)
            || (grouping is not null && string.Equals(groupingOf.GetValueOrDefault(m), grouping, StringComparison.Ordinal)));
    }
}
