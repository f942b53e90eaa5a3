using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Insights;

internal sealed class CollectiveInitiativeMapping : IEntityTypeConfiguration<CollectiveInitiative>
{
    public void Configure(EntityTypeBuilder<CollectiveInitiative> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(CollectiveInitiative.MaxTitleLength);
        builder.Property(i => i.Problem).HasMaxLength(CollectiveInitiative.MaxTextLength);
        builder.Property(i => i.Goal).HasMaxLength(CollectiveInitiative.MaxTextLength);
        builder.Property(i => i.TheoryOfChange).HasMaxLength(CollectiveInitiative.MaxTextLength);
        builder.HasIndex(i => i.BackboneOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.BackboneOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LogicModel>().WithMany().HasForeignKey(i => i.LogicModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectivePartnerMapping : IEntityTypeConfiguration<CollectivePartner>
{
    public void Configure(EntityTypeBuilder<CollectivePartner> builder)
    {
        builder.HasKey(p => new { p.InitiativeId, p.OrganizationId });
        builder.Property(p => p.Role).HasMaxLength(CollectivePartner.MaxRoleLength);
        // "Which initiatives is my organization in" is asked by the dashboards' access checks.
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectiveIndicatorMapping : IEntityTypeConfiguration<CollectiveIndicator>
{
    public void Configure(EntityTypeBuilder<CollectiveIndicator> builder)
    {
        builder.HasKey(i => new { i.InitiativeId, i.IndicatorId });
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(i => i.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectiveSubmissionMapping : IEntityTypeConfiguration<CollectiveSubmission>
{
    public void Configure(EntityTypeBuilder<CollectiveSubmission> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Value).HasPrecision(18, 2);
        builder.Property(s => s.Note).HasMaxLength(CollectiveSubmission.MaxNoteLength);
        builder.HasIndex(s => new { s.InitiativeId, s.OrganizationId, s.IndicatorId, s.PeriodStart }).IsUnique();
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(s => s.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectiveReminderMapping : IEntityTypeConfiguration<CollectiveReminder>
{
    public void Configure(EntityTypeBuilder<CollectiveReminder> builder)
    {
        builder.HasKey(r => new { r.InitiativeId, r.OrganizationId, r.PeriodStart });
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectiveActivityMapping : IEntityTypeConfiguration<CollectiveActivity>
{
    public void Configure(EntityTypeBuilder<CollectiveActivity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(CollectiveActivity.MaxTitleLength);
        builder.Property(a => a.Description).HasMaxLength(CollectiveActivity.MaxDescriptionLength);
        builder.HasIndex(a => a.InitiativeId);
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectiveLogEntryMapping : IEntityTypeConfiguration<CollectiveLogEntry>
{
    public void Configure(EntityTypeBuilder<CollectiveLogEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Summary).HasMaxLength(CollectiveLogEntry.MaxSummaryLength);
        builder.HasIndex(e => new { e.InitiativeId, e.Date });
        builder.HasOne<CollectiveInitiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}
