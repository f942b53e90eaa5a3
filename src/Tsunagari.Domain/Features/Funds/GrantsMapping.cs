using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

internal sealed class GrantProgrammeMapping : IEntityTypeConfiguration<GrantProgramme>
{
    public void Configure(EntityTypeBuilder<GrantProgramme> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(GrantProgramme.MaxTitleLength);
        builder.Property(p => p.Description).HasMaxLength(GrantProgramme.MaxTextLength);
        builder.Property(p => p.Budget).Yen();
        builder.Property(p => p.MaxPerGrant).Yen();
        builder.Property(p => p.EvaluationPercent).HasPrecision(5, 2);
        builder.HasIndex(p => p.FundId);
        builder.HasIndex(p => p.Status);
        builder.HasOne<Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantApplicationMapping : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(GrantApplication.MaxTitleLength);
        builder.Property(a => a.Summary).HasMaxLength(GrantApplication.MaxTextLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(GrantApplication.MaxReasonLength);
        builder.Property(a => a.RequestedAmount).Yen();
        builder.Ignore(a => a.IsDraft);
        builder.HasIndex(a => a.ProgrammeId);
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<GrantProgramme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantAttachmentMapping : IEntityTypeConfiguration<GrantAttachment>
{
    public void Configure(EntityTypeBuilder<GrantAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(GrantAttachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => a.ApplicationId);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GrantReviewerMapping : IEntityTypeConfiguration<GrantReviewer>
{
    public void Configure(EntityTypeBuilder<GrantReviewer> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ProgrammeId, r.AccountId }).IsUnique();
        builder.HasIndex(r => r.AccountId);
        builder.HasOne<GrantProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GrantReviewMapping : IEntityTypeConfiguration<GrantReview>
{
    public void Configure(EntityTypeBuilder<GrantReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Comment).HasMaxLength(GrantReview.MaxCommentLength);
        builder.Property(r => r.ConflictNote).HasMaxLength(GrantReview.MaxCommentLength);
        builder.Ignore(r => r.Total);
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GrantAwardMapping : IEntityTypeConfiguration<GrantAward>
{
    public void Configure(EntityTypeBuilder<GrantAward> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(GrantApplication.MaxTitleLength);
        builder.Property(a => a.Conditions).HasMaxLength(GrantAward.MaxConditionsLength);
        builder.Property(a => a.ClosingNote).HasMaxLength(GrantAward.MaxConditionsLength);
        builder.Property(a => a.Amount).Yen();
        builder.Ignore(a => a.IsClosed);
        builder.Ignore(a => a.Project);
        builder.HasIndex(a => a.ApplicationId).IsUnique();
        builder.HasIndex(a => a.ProgrammeId);
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantInstalmentMapping : IEntityTypeConfiguration<GrantInstalment>
{
    public void Configure(EntityTypeBuilder<GrantInstalment> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Amount).Yen();
        builder.Ignore(i => i.IsPaid);
        builder.HasIndex(i => i.AwardId);
        builder.HasOne<GrantAward>().WithMany().HasForeignKey(i => i.AwardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantReportMapping : IEntityTypeConfiguration<GrantReport>
{
    public void Configure(EntityTypeBuilder<GrantReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Text).HasMaxLength(GrantReport.MaxTextLength);
        builder.Property(r => r.Spent).Yen();
        builder.HasIndex(r => r.AwardId);
        builder.HasOne<GrantAward>().WithMany().HasForeignKey(r => r.AwardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantFundingMapping : IEntityTypeConfiguration<GrantFunding>
{
    public void Configure(EntityTypeBuilder<GrantFunding> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FromName).HasMaxLength(GrantFunding.MaxNameLength);
        builder.Property(f => f.Amount).Yen();
        builder.HasIndex(f => f.ProgrammeId);
        builder.HasOne<GrantProgramme>().WithMany().HasForeignKey(f => f.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantEvaluationCostMapping : IEntityTypeConfiguration<GrantEvaluationCost>
{
    public void Configure(EntityTypeBuilder<GrantEvaluationCost> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PaidTo).HasMaxLength(GrantEvaluationCost.MaxTextLength);
        builder.Property(c => c.Purpose).HasMaxLength(GrantEvaluationCost.MaxTextLength);
        builder.Property(c => c.Amount).Yen();
        builder.HasIndex(c => c.ProgrammeId);
        builder.HasOne<GrantProgramme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
