using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsunagari.Features.Insights;

internal sealed class RegionalFigureMapping : IEntityTypeConfiguration<RegionalFigure>
{
    public void Configure(EntityTypeBuilder<RegionalFigure> builder)
    {
        // A dashboard reads one measure set for a list of municipalities; the map reads one measure for all of them.
        builder.HasKey(f => new { f.Measure, f.MunicipalityCode, f.Key, f.Quarter });
        builder.Property(f => f.MunicipalityCode).HasMaxLength(6);
        builder.Property(f => f.Measure).HasMaxLength(RegionalFigure.MaxMeasureLength);
        builder.Property(f => f.Key).HasMaxLength(RegionalFigure.MaxKeyLength);
        builder.Property(f => f.Value).HasPrecision(18, 2);
        builder.HasIndex(f => new { f.MunicipalityCode, f.Measure });
    }
}

internal sealed class MunicipalityPopulationMapping : IEntityTypeConfiguration<MunicipalityPopulation>
{
    public void Configure(EntityTypeBuilder<MunicipalityPopulation> builder)
    {
        builder.HasKey(p => p.MunicipalityCode);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(6);
        builder.Property(p => p.Source).HasMaxLength(MunicipalityPopulation.MaxSourceLength);
    }
}
