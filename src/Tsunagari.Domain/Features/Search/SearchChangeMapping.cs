using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tsunagari.Features.Search;

internal sealed class SearchChangeMapping : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Entity).HasMaxLength(50);
    }
}
