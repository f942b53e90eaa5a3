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
