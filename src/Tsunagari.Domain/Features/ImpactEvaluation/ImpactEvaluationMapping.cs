using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>The one precision of this feature's numbers: 14 digits before the point (a trillion yen) and 6 after (fractions, survey shares).</summary>
internal static class ImpactPrecision
{
    public const int Precision = 20;
    public const int Scale = 6;

    public static PropertyBuilder<T> Amount<T>(this PropertyBuilder<T> property) => property.HasPrecision(Precision, Scale);
}

internal sealed class LogicModelMapping : IEntityTypeConfiguration<LogicModel>
{
    public void Configure(EntityTypeBuilder<LogicModel> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(LogicModel.MaxTitleLength);
        builder.Property(m => m.Purpose).HasMaxLength(LogicModel.MaxTextLength);
        builder.Property(m => m.Findings).HasMaxLength(LogicModel.MaxTextLength);
        builder.Property(m => m.NextSteps).HasMaxLength(LogicModel.MaxTextLength);
        builder.Property(m => m.TemplateKey).HasMaxLength(40);
        builder.Property(m => m.ShareToken).HasMaxLength(64);
        builder.HasIndex(m => m.ShareToken).IsUnique();
        builder.HasIndex(m => m.OrganizationId);
        builder.HasMany(m => m.Elements).WithOne().HasForeignKey(e => e.LogicModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Links).WithOne().HasForeignKey(l => l.LogicModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CollaborationPilot>().WithMany().HasForeignKey(m => m.PilotId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LogicModelElementMapping : IEntityTypeConfiguration<LogicModelElement>
{
    public void Configure(EntityTypeBuilder<LogicModelElement> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Text).HasMaxLength(LogicModelElement.MaxTextLength);
        builder.HasIndex(e => new { e.LogicModelId, e.Kind, e.Order });
    }
}

internal sealed class LogicModelLinkMapping : IEntityTypeConfiguration<LogicModelLink>
{
    public void Configure(EntityTypeBuilder<LogicModelLink> builder)
    {
        builder.HasKey(l => new { l.LogicModelId, l.FromId, l.ToId });
        // The model's cascade removes its links; an element's removal takes its arrows in the domain (RemoveElement).
        builder.HasOne<LogicModelElement>().WithMany().HasForeignKey(l => l.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LogicModelElement>().WithMany().HasForeignKey(l => l.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorMapping : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(Indicator.MaxNameLength);
        builder.Property(i => i.Definition).HasMaxLength(Indicator.MaxDefinitionLength);
        builder.Property(i => i.Unit).HasMaxLength(Indicator.MaxUnitLength);
        builder.Property(i => i.Baseline).Amount();
        builder.OwnsMany(i => i.Targets, target => target.ToJson());
        builder.HasIndex(i => i.LogicModelId);
        builder.HasOne<LogicModel>().WithMany().HasForeignKey(i => i.LogicModelId).OnDelete(DeleteBehavior.Cascade);
        // An element's indicators go with it (a model's cascade reaches them through the model too).
        builder.HasOne<LogicModelElement>().WithMany().HasForeignKey(i => i.ElementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasurementMapping : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Value).Amount();
        builder.Property(m => m.Note).HasMaxLength(Measurement.MaxNoteLength);
        builder.Property(m => m.EvidenceFileName).HasMaxLength(Measurement.MaxFileNameLength);
        builder.Property(m => m.EvidenceContentType).HasMaxLength(100);
        builder.Ignore(m => m.HasEvidence);
        builder.HasIndex(m => new { m.IndicatorId, m.Date });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.RecordedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeasurementEvidenceMapping : IEntityTypeConfiguration<MeasurementEvidence>
{
    public void Configure(EntityTypeBuilder<MeasurementEvidence> builder)
    {
        builder.HasKey(e => e.MeasurementId);
        builder.HasOne<Measurement>().WithOne().HasForeignKey<MeasurementEvidence>(e => e.MeasurementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationSnapshotMapping : IEntityTypeConfiguration<EvaluationSnapshot>
{
    public void Configure(EntityTypeBuilder<EvaluationSnapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Note).HasMaxLength(EvaluationSnapshot.MaxNoteLength);
        builder.HasIndex(s => new { s.LogicModelId, s.Phase }).IsUnique();
        builder.HasOne<LogicModel>().WithMany().HasForeignKey(s => s.LogicModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.FrozenBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ImpactMapMapping : IEntityTypeConfiguration<ImpactMap>
{
    public void Configure(EntityTypeBuilder<ImpactMap> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.DiscountRate).Amount();
        builder.Property(m => m.PercentStep).Amount();
        builder.Property(m => m.ProxyStep).Amount();
        builder.Ignore(m => m.Investment);
        builder.OwnsMany(m => m.Investments, item =>
        {
            item.ToJson();
            item.Ignore(i => i.Value);
        });
        builder.HasMany(m => m.Outcomes).WithOne().HasForeignKey(o => o.ImpactMapId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.LogicModelId).IsUnique();
        builder.HasOne<LogicModel>().WithOne().HasForeignKey<ImpactMap>(m => m.LogicModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImpactOutcomeMapping : IEntityTypeConfiguration<ImpactOutcome>
{
    public void Configure(EntityTypeBuilder<ImpactOutcome> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Stakeholder).HasMaxLength(ImpactOutcome.MaxNameLength);
        builder.Property(o => o.Name).HasMaxLength(ImpactOutcome.MaxNameLength);
        builder.Property(o => o.ProxySource).HasMaxLength(ImpactOutcome.MaxSourceLength);
        builder.Property(o => o.Quantity).Amount();
        builder.Property(o => o.Proxy).Amount();
        builder.Property(o => o.Deadweight).Amount();
        builder.Property(o => o.Displacement).Amount();
        builder.Property(o => o.Attribution).Amount();
        builder.Property(o => o.DropOff).Amount();
        builder.HasIndex(o => new { o.ImpactMapId, o.Order });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.SetNull);
    }
}
