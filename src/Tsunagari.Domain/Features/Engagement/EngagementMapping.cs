using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Engagement;

internal sealed class ResidentProfileMapping : IEntityTypeConfiguration<ResidentProfile>
{
    public void Configure(EntityTypeBuilder<ResidentProfile> builder)
    {
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(6);
        builder.OwnsMany(p => p.Skills, skill =>
        {
            skill.ToTable("ProfileSkills");
            skill.WithOwner().HasForeignKey("AccountId");
            skill.Property(s => s.Skill).HasMaxLength(50);
            skill.HasKey("AccountId", nameof(ProfileSkill.Skill));
            skill.HasIndex(s => s.Skill);
        });
        builder.HasOne<Account>().WithOne().HasForeignKey<ResidentProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignUpMapping : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.CancellationReason).HasMaxLength(SignUp.MaxReasonLength);
        builder.Property(s => s.Hours).HasPrecision(5, 2);
        // A person holds one sign-up per occurrence (signing up again revives it), and a place is held by one person.
        builder.HasIndex(s => new { s.OpportunityId, s.Occurrence, s.AccountId }).IsUnique();
        builder.HasIndex(s => new { s.OpportunityId, s.Occurrence, s.Seat }).IsUnique();
        builder.HasIndex(s => new { s.AccountId, s.CheckedInAt });
        builder.HasIndex(s => new { s.OrganizationId, s.AccountId });
        // Tomorrow's reminders: the sign-ups of one day's occurrences, not a walk over every opportunity.
        builder.HasIndex(s => s.Occurrence);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInCodeMapping : IEntityTypeConfiguration<CheckInCode>
{
    public void Configure(EntityTypeBuilder<CheckInCode> builder)
    {
        builder.HasKey(c => new { c.OpportunityId, c.Occurrence });
        builder.Property(c => c.Code).HasMaxLength(CheckInCode.Length);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HoursReportMapping : IEntityTypeConfiguration<HoursReport>
{
    public void Configure(EntityTypeBuilder<HoursReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Hours).HasPrecision(5, 2);
        builder.Property(r => r.Description).HasMaxLength(HoursReport.MaxDescriptionLength);
        builder.Property(r => r.DecisionNote).HasMaxLength(SignUp.MaxReasonLength);
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
        builder.HasIndex(r => r.AccountId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificateMapping : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.Property(c => c.HolderName).HasMaxLength(100);
        builder.Property(c => c.Hours).HasPrecision(8, 2);
        builder.Property(c => c.Note).HasMaxLength(Certificate.MaxNoteLength);
        builder.HasIndex(c => new { c.OrganizationId, c.Number }).IsUnique();
        builder.HasIndex(c => c.AccountId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JourneyMapping : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.HasKey(j => new { j.AccountId, j.OrganizationId });
        builder.Property(j => j.Hours).HasPrecision(10, 2);
        builder.Property(j => j.MunicipalityCode).HasMaxLength(6);
        // The funnel: people per stage, and the most active people of a stage (who could co-plan) in index order.
        builder.HasIndex(j => new { j.OrganizationId, j.Stage, j.Activities, j.LastActivityAt });
        // The funnel's people gone quiet and the indicators' period, read from the index alone.
        builder.HasIndex(j => new { j.OrganizationId, j.LastActivityAt, j.Activities });
        builder.HasIndex(j => new { j.MunicipalityCode, j.Stage });
        builder.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(j => j.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StageTransitionMapping : IEntityTypeConfiguration<StageTransition>
{
    public void Configure(EntityTypeBuilder<StageTransition> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Detail).HasMaxLength(StageTransition.MaxDetailLength);
        // A stage is reached once: two nodes recomputing the same pair at once cannot both record it.
        builder.HasIndex(t => new { t.OrganizationId, t.AccountId, t.To }).IsUnique();
        builder.HasIndex(t => t.AccountId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorSnapshotMapping : IEntityTypeConfiguration<IndicatorSnapshot>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshot> builder)
    {
        builder.HasKey(s => new { s.Scope, s.From, s.To });
        builder.Property(s => s.Scope).HasMaxLength(IndicatorVersion.MaxScopeLength);
    }
}

internal sealed class IndicatorVersionMapping : IEntityTypeConfiguration<IndicatorVersion>
{
    public void Configure(EntityTypeBuilder<IndicatorVersion> builder)
    {
        builder.HasKey(v => v.Scope);
        builder.Property(v => v.Scope).HasMaxLength(IndicatorVersion.MaxScopeLength);
    }
}

internal sealed class JourneyChangeMapping : IEntityTypeConfiguration<JourneyChange>
{
    public void Configure(EntityTypeBuilder<JourneyChange> builder) => builder.HasKey(c => c.Id);
}

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Subject).HasMaxLength(Notification.MaxSubjectLength);
        builder.Property(n => n.Detail).HasMaxLength(Notification.MaxDetailLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.AccountId, n.CreatedAt });
        builder.HasIndex(n => n.MailedAt);
        builder.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoOrganizerMapping : IEntityTypeConfiguration<CoOrganizer>
{
    public void Configure(EntityTypeBuilder<CoOrganizer> builder)
    {
        builder.HasKey(c => new { c.OpportunityId, c.AccountId });
        builder.HasIndex(c => c.AccountId);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
