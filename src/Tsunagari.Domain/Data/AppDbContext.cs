using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Funds;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono;
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
    public DbSet<IndicatorSnapshot> IndicatorSnapshots => Set<IndicatorSnapshot>();
    public DbSet<IndicatorVersion> IndicatorVersions => Set<IndicatorVersion>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CoOrganizer> CoOrganizers => Set<CoOrganizer>();
    public DbSet<Challenge> Challenges => Set<Challenge>();
    public DbSet<ProBonoProfile> ProBonoProfiles => Set<ProBonoProfile>();
    public DbSet<MatchingRound> MatchingRounds => Set<MatchingRound>();
    public DbSet<RoundAssignment> RoundAssignments => Set<RoundAssignment>();
    public DbSet<ProBonoProject> ProBonoProjects => Set<ProBonoProject>();
    public DbSet<ProjectLogEntry> ProjectLogEntries => Set<ProjectLogEntry>();
    public DbSet<HandOverItem> HandOverItems => Set<HandOverItem>();
    public DbSet<DonatedTime> DonatedTimes => Set<DonatedTime>();
    public DbSet<ProjectEvaluation> ProjectEvaluations => Set<ProjectEvaluation>();
    public DbSet<ExpertSession> ExpertSessions => Set<ExpertSession>();
    public DbSet<ExpertSessionDecline> ExpertSessionDeclines => Set<ExpertSessionDecline>();
    public DbSet<ProjectDeliverable> ProjectDeliverables => Set<ProjectDeliverable>();
    public DbSet<DeliverableFile> DeliverableFiles => Set<DeliverableFile>();
    public DbSet<ProBonoCase> ProBonoCases => Set<ProBonoCase>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeChange> InitiativeChanges => Set<InitiativeChange>();
    public DbSet<CollaborationCall> CollaborationCalls => Set<CollaborationCall>();
    public DbSet<CallReviewer> CallReviewers => Set<CallReviewer>();
    public DbSet<CollaborationProposal> CollaborationProposals => Set<CollaborationProposal>();
    public DbSet<ProposalAttachment> ProposalAttachments => Set<ProposalAttachment>();
    public DbSet<ProposalAttachmentFile> ProposalAttachmentFiles => Set<ProposalAttachmentFile>();
    public DbSet<ProposalReview> ProposalReviews => Set<ProposalReview>();
    public DbSet<CollaborationAgreement> CollaborationAgreements => Set<CollaborationAgreement>();
    public DbSet<CollaborationPilot> CollaborationPilots => Set<CollaborationPilot>();
    public DbSet<PilotMilestone> PilotMilestones => Set<PilotMilestone>();
    public DbSet<PilotReport> PilotReports => Set<PilotReport>();
    public DbSet<PilotEvaluation> PilotEvaluations => Set<PilotEvaluation>();
    public DbSet<DialogueMeeting> DialogueMeetings => Set<DialogueMeeting>();
    public DbSet<FollowUpAction> FollowUpActions => Set<FollowUpAction>();
    public DbSet<LogicModel> LogicModels => Set<LogicModel>();
    public DbSet<LogicModelElement> LogicModelElements => Set<LogicModelElement>();
    public DbSet<LogicModelLink> LogicModelLinks => Set<LogicModelLink>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<MeasurementEvidence> MeasurementEvidence => Set<MeasurementEvidence>();
    public DbSet<EvaluationSnapshot> EvaluationSnapshots => Set<EvaluationSnapshot>();
    public DbSet<ImpactMap> ImpactMaps => Set<ImpactMap>();
    public DbSet<ImpactOutcome> ImpactOutcomes => Set<ImpactOutcome>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<SibContract> SibContracts => Set<SibContract>();
    public DbSet<GrantProgramme> GrantProgrammes => Set<GrantProgramme>();
    public DbSet<GrantApplication> GrantApplications => Set<GrantApplication>();
    public DbSet<GrantAttachment> GrantAttachments => Set<GrantAttachment>();
    public DbSet<GrantReviewer> GrantReviewers => Set<GrantReviewer>();
    public DbSet<GrantReview> GrantReviews => Set<GrantReview>();
    public DbSet<GrantAward> GrantAwards => Set<GrantAward>();
    public DbSet<GrantInstalment> GrantInstalments => Set<GrantInstalment>();
    public DbSet<GrantReport> GrantReports => Set<GrantReport>();
    public DbSet<GrantFunding> GrantFundings => Set<GrantFunding>();
    public DbSet<GrantEvaluationCost> GrantEvaluationCosts => Set<GrantEvaluationCost>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<DonationSettings> DonationSettings => Set<DonationSettings>();
    public DbSet<Donation> Donations => Set<Donation>();
    public DbSet<DonationPlan> DonationPlans => Set<DonationPlan>();
    public DbSet<DonationReceipt> DonationReceipts => Set<DonationReceipt>();
    public DbSet<RegionalFigure> RegionalFigures => Set<RegionalFigure>();
    public DbSet<MunicipalityPopulation> MunicipalityPopulations => Set<MunicipalityPopulation>();

    // Insights: dashboards (RegionalFigure above), network, collective impact, policy registry: add DbSets below.
    // Insights: network
    public DbSet<NetworkTie> NetworkTies => Set<NetworkTie>();

    // Insights: dashboards
    public DbSet<DashboardContribution> DashboardContributions => Set<DashboardContribution>();

    // Insights: collective impact
    public DbSet<CollectiveInitiative> CollectiveInitiatives => Set<CollectiveInitiative>();
    public DbSet<CollectivePartner> CollectivePartners => Set<CollectivePartner>();
    public DbSet<CollectiveIndicator> CollectiveIndicators => Set<CollectiveIndicator>();
    public DbSet<CollectiveSubmission> CollectiveSubmissions => Set<CollectiveSubmission>();
    public DbSet<CollectiveReminder> CollectiveReminders => Set<CollectiveReminder>();
    public DbSet<CollectiveActivity> CollectiveActivities => Set<CollectiveActivity>();
    public DbSet<CollectiveLogEntry> CollectiveLogEntries => Set<CollectiveLogEntry>();

    /// <summary>
    /// Every save of a searchable entity records a search change in the same transaction (the index's outbox).
    /// Bulk ExecuteUpdate/ExecuteDelete bypass this: code that uses them on searchable entities adds the changes itself.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordSearchChanges();
        RecordJourneyChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordSearchChanges();
        RecordJourneyChanges();
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

    /// <summary>
    /// The journey's outbox: every save that can change a person's stage with an organization (attendance, hours, approved
    /// reports, memberships, co-organisers) names the pair in the same transaction. Other changes (a new sign-up, a
    /// pending report) are skipped so that ordinary traffic does not fill the outbox.
    /// </summary>
    private void RecordJourneyChanges()
    {
        HashSet<(Guid AccountId, Guid OrganizationId)>? pairs = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var pair = entry.Entity switch
            {
                SignUp s when Counts(entry, s.CheckedInAt is not null, nameof(SignUp.CheckedInAt), nameof(SignUp.Hours), nameof(SignUp.Status)) => (s.AccountId, s.OrganizationId),
                HoursReport r when Counts(entry, r.Status == HoursReportStatus.Approved, nameof(HoursReport.Status), nameof(HoursReport.Hours), nameof(HoursReport.Date)) => (r.AccountId, r.OrganizationId),
                Membership m => (m.AccountId, m.OrganizationId),
                CoOrganizer c => (c.AccountId, c.OrganizationId),
                _ => ((Guid, Guid)?)null,
            };
            if (pair is { } p) (pairs ??= []).Add(p);
        }
        if (pairs is null) return;
        var now = DateTimeOffset.UtcNow;
        foreach (var (accountId, organizationId) in pairs)
            JourneyChanges.Add(new JourneyChange(accountId, organizationId, now));
    }

    /// <summary>Added or deleted rows count when they are (or were) activity; changed rows when a property the journey reads changed.</summary>
    private static bool Counts(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, bool isActivity, params string[] properties) => entry.State switch
    {
        EntityState.Added => isActivity,
        EntityState.Deleted => true,
        _ => properties.Any(p => entry.Property(p).IsModified),
    };

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
