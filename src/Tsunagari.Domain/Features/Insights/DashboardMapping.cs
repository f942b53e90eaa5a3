using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsunagari.Features.Insights;

internal sealed class DashboardContributionMapping : IEntityTypeConfiguration<DashboardContribution>
{
    public void Configure(EntityTypeBuilder<DashboardContribution> builder)
    {
        builder.HasKey(c => c.AccountId);
        builder.Property(c => c.MunicipalityCode).HasMaxLength(6);
    }
}
