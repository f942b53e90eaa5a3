using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsunagari.Features.Insights;

internal sealed class NetworkTieMapping : IEntityTypeConfiguration<NetworkTie>
{
    public void Configure(EntityTypeBuilder<NetworkTie> builder)
    {
        // No foreign keys: the table is a snapshot rebuilt whole, and an organization deleted since drops out when read.
        builder.HasKey(t => new { t.OrganizationId, t.OtherOrganizationId, t.Kind });
    }
}
