using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsunagari.Features.Regions;

internal sealed class RegionalGroupingMapping : IEntityTypeConfiguration<RegionalGrouping>
{
    public void Configure(EntityTypeBuilder<RegionalGrouping> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.PrefectureCode).HasMaxLength(LocalGovernmentCode.Length);
        builder.Property(g => g.Name).HasMaxLength(RegionalGrouping.MaxNameLength);
        builder.Property(g => g.NameEn).HasMaxLength(RegionalGrouping.MaxNameLength);
        builder.HasIndex(g => new { g.PrefectureCode, g.SortOrder });
    }
}

internal sealed class LocalChallengeMapping : IEntityTypeConfiguration<LocalChallenge>
{
    public void Configure(EntityTypeBuilder<LocalChallenge> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.MunicipalityCode).HasMaxLength(LocalGovernmentCode.Length);
        builder.Property(c => c.Text).HasMaxLength(LocalChallenge.MaxTextLength);
        builder.HasIndex(c => c.MunicipalityCode);
    }
}
