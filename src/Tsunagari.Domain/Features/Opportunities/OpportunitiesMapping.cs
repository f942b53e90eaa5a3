using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Opportunities;

internal sealed class OpportunityMapping : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Title).HasMaxLength(Opportunity.MaxTitleLength);
        builder.Property(o => o.Description).HasMaxLength(Opportunity.MaxDescriptionLength);
        builder.Property(o => o.MunicipalityCode).HasMaxLength(6);
        builder.Property(o => o.VenueName).HasMaxLength(200);
        builder.Property(o => o.VenueAddress).HasMaxLength(300);
        builder.Property(o => o.RecurrenceRule).HasMaxLength(500);
        builder.Property(o => o.FeeYen).HasPrecision(12, 0);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.CancellationReason).HasMaxLength(1000);
        builder.HasIndex(o => new { o.Status, o.StartsAt });
        builder.HasIndex(o => o.MunicipalityCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WayToTakePartMapping : IEntityTypeConfiguration<WayToTakePart>
{
    public void Configure(EntityTypeBuilder<WayToTakePart> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Key).HasMaxLength(50);
        builder.HasIndex(w => w.Key).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.NameEn).HasMaxLength(100);
        builder.Property(w => w.Icon).HasMaxLength(50);
    }
}
