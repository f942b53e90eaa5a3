using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;

namespace Tsunagari.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RegionalGrouping> RegionalGroupings => Set<RegionalGrouping>();
    public DbSet<LocalChallenge> LocalChallenges => Set<LocalChallenge>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<WayToTakePart> WaysToTakePart => Set<WayToTakePart>();
    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();
    public DbSet<ResidentProfile> ResidentProfiles => Set<ResidentProfile>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<CheckInCode> CheckInCodes => Set<CheckInCode>();
    public DbSet<HoursReport> HoursReports => Set<HoursReport>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Journey> Journeys => Set<Journey>();
    public DbSet<StageTransition> StageTransitions => Set<StageTransition>();
    public DbSet<JourneyChange> JourneyChanges => Set<JourneyChange>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CoOrganizer> CoOrganizers => Set<CoOrganizer>();

    /// <summary>
    /// Every save of a searchable entity records a search change in the same transaction (the index's outbox).
    /// Bulk ExecuteUpdate/ExecuteDelete bypass this: code that uses them on searchable entities adds the changes itself.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordSearchChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordSearchChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RecordSearchChanges()
    {
        var changed = ChangeTracker.Entries<ISearchable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entity: e.Entity.GetType().Name, e.Entity.Id))
            .Distinct()
            .ToList();
        var now = DateTimeOffset.UtcNow;
        foreach (var (entity, id) in changed)
            SearchChanges.Add(new SearchChange(entity, id, now));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite stores DateTimeOffset as text and cannot compare or order it; a binary number can.
        if (Database.ProviderName == SqliteProvider)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        }
    }
}
