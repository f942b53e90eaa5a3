using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.ProBono;

internal sealed class ChallengeMapping : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Challenge.MaxTitleLength);
        builder.Property(c => c.Situation).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.Problem).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.Goal).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.ReviewNote).HasMaxLength(Challenge.MaxNoteLength);
        builder.Property(c => c.MunicipalityCode).HasMaxLength(6);
        builder.Property(c => c.UnstaffedReason).HasMaxLength(40);
        builder.Property(c => c.UnstaffedSkill).HasMaxLength(50);
        builder.OwnsMany(c => c.Roles, role =>
        {
            role.ToTable("ChallengeRoles");
            role.WithOwner().HasForeignKey("ChallengeId");
            role.Property(r => r.Skill).HasMaxLength(50);
            role.HasKey("ChallengeId", nameof(ChallengeRole.Skill));
        });
        builder.HasIndex(c => new { c.OrganizationId, c.SubmittedAt });
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.RoundId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MatchingRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProBonoProfileMapping : IEntityTypeConfiguration<ProBonoProfile>
{
    public void Configure(EntityTypeBuilder<ProBonoProfile> builder)
    {
        builder.HasKey(p => p.AccountId);
        builder.OwnsMany(p => p.Skills, skill =>
        {
            skill.ToTable("ProBonoSkills");
            skill.WithOwner().HasForeignKey("AccountId");
            skill.Property(s => s.Skill).HasMaxLength(50);
            skill.HasKey("AccountId", nameof(ProBonoSkill.Skill));
        });
        builder.HasIndex(p => p.Active);
        builder.HasOne<Account>().WithOne().HasForeignKey<ProBonoProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchingRoundMapping : IEntityTypeConfiguration<MatchingRound>
{
    public void Configure(EntityTypeBuilder<MatchingRound> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(MatchingRound.MaxNameLength);
        builder.Property(r => r.LastSolver).HasMaxLength(20);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class RoundAssignmentMapping : IEntityTypeConfiguration<RoundAssignment>
{
    public void Configure(EntityTypeBuilder<RoundAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Role).HasMaxLength(50);
        builder.Property(a => a.DeclineReason).HasMaxLength(RoundAssignment.MaxReasonLength);
        builder.Ignore(a => a.Current);
        builder.HasIndex(a => new { a.RoundId, a.ChallengeId });
        builder.HasIndex(a => new { a.AccountId, a.Response });
        builder.HasOne<MatchingRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Challenge>().WithMany().HasForeignKey(a => a.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProBonoProjectMapping : IEntityTypeConfiguration<ProBonoProject>
{
    public void Configure(EntityTypeBuilder<ProBonoProject> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(Challenge.MaxTitleLength);
        builder.Ignore(p => p.IsActive);
        builder.OwnsMany(p => p.Phases, phase =>
        {
            phase.ToTable("ProjectPhases");
            phase.WithOwner().HasForeignKey("ProjectId");
            phase.HasKey("ProjectId", nameof(ProjectPhase.Kind));
            phase.Ignore(x => x.Done);
        });
        builder.HasIndex(p => p.ChallengeId).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.CreatedAt });
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.Property(p => p.FollowUpComment).HasMaxLength(ProjectEvaluation.MaxCommentLength);
        builder.HasIndex(p => new { p.FollowUpSentAt, p.FollowUpDueOn });
        builder.HasOne<Challenge>().WithMany().HasForeignKey(p => p.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        // The organization's challenge cascades; a round deleted leaves the project alone.
        builder.HasOne<MatchingRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ProjectLogEntryMapping : IEntityTypeConfiguration<ProjectLogEntry>
{
    public void Configure(EntityTypeBuilder<ProjectLogEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Text).HasMaxLength(ProjectLogEntry.MaxTextLength);
        builder.HasIndex(e => new { e.ProjectId, e.CreatedAt });
        builder.HasOne<ProBonoProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HandOverItemMapping : IEntityTypeConfiguration<HandOverItem>
{
    public void Configure(EntityTypeBuilder<HandOverItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Text).HasMaxLength(HandOverItem.MaxTextLength);
        builder.Ignore(i => i.Done);
        builder.HasIndex(i => new { i.ProjectId, i.Position });
        builder.HasOne<ProBonoProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.DoneBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DonatedTimeMapping : IEntityTypeConfiguration<DonatedTime>
{
    public void Configure(EntityTypeBuilder<DonatedTime> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Skill).HasMaxLength(50);
        builder.Property(t => t.Hours).HasPrecision(5, 2);
        builder.Property(t => t.Note).HasMaxLength(DonatedTime.MaxNoteLength);
        builder.HasIndex(t => new { t.ProjectId, t.On });
        builder.HasIndex(t => t.AccountId);
        builder.HasOne<ProBonoProject>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProjectEvaluationMapping : IEntityTypeConfiguration<ProjectEvaluation>
{
    public void Configure(EntityTypeBuilder<ProjectEvaluation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Comment).HasMaxLength(ProjectEvaluation.MaxCommentLength);
        builder.HasIndex(e => new { e.ProjectId, e.Side });
        builder.HasOne<ProBonoProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExpertSessionMapping : IEntityTypeConfiguration<ExpertSession>
{
    public void Configure(EntityTypeBuilder<ExpertSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Topic).HasMaxLength(ExpertSession.MaxTopicLength);
        builder.Property(s => s.Skill).HasMaxLength(50);
        builder.Property(s => s.MunicipalityCode).HasMaxLength(6);
        builder.Property(s => s.Reason).HasMaxLength(ExpertSession.MaxReasonLength);
        builder.Property(s => s.OrganizationNote).HasMaxLength(ExpertSession.MaxNoteLength);
        builder.Property(s => s.ProfessionalNote).HasMaxLength(ExpertSession.MaxNoteLength);
        builder.Ignore(s => s.Slots);
        builder.Ignore(s => s.IsOpen);
        builder.HasIndex(s => new { s.OrganizationId, s.RequestedAt });
        builder.HasIndex(s => new { s.Status, s.RequestedAt });
        builder.HasIndex(s => s.ProfessionalId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExpertSessionDeclineMapping : IEntityTypeConfiguration<ExpertSessionDecline>
{
    public void Configure(EntityTypeBuilder<ExpertSessionDecline> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Reason).HasMaxLength(ExpertSession.MaxReasonLength);
        builder.HasIndex(d => new { d.SessionId, d.AccountId });
        builder.HasIndex(d => d.AccountId);
        builder.HasOne<ExpertSession>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectDeliverableMapping : IEntityTypeConfiguration<ProjectDeliverable>
{
    public void Configure(EntityTypeBuilder<ProjectDeliverable> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Title).HasMaxLength(ProjectDeliverable.MaxTitleLength);
        builder.Property(d => d.Url).HasMaxLength(ProjectDeliverable.MaxUrlLength);
        builder.Property(d => d.FileName).HasMaxLength(ProjectDeliverable.MaxFileNameLength);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Ignore(d => d.IsFile);
        builder.HasIndex(d => new { d.ProjectId, d.AddedAt });
        builder.HasIndex(d => d.AddedBy);
        builder.HasOne<ProBonoProject>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AddedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DeliverableFileMapping : IEntityTypeConfiguration<DeliverableFile>
{
    public void Configure(EntityTypeBuilder<DeliverableFile> builder)
    {
        builder.HasKey(f => f.DeliverableId);
        builder.HasOne<ProjectDeliverable>().WithOne().HasForeignKey<DeliverableFile>(f => f.DeliverableId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProBonoCaseMapping : IEntityTypeConfiguration<ProBonoCase>
{
    public void Configure(EntityTypeBuilder<ProBonoCase> builder)
    {
        builder.HasKey(c => c.ProjectId);
        builder.Property(c => c.Problem).HasMaxLength(ProBonoCase.MaxTextLength);
        builder.Property(c => c.Made).HasMaxLength(ProBonoCase.MaxTextLength);
        builder.Property(c => c.Result).HasMaxLength(ProBonoCase.MaxTextLength);
        builder.HasIndex(c => c.PublishedAt);
        builder.HasOne<ProBonoProject>().WithOne().HasForeignKey<ProBonoCase>(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.ConsentedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
