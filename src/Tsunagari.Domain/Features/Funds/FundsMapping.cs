using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

internal static class MoneyColumns
{
    /// <summary>Every money column: whole yen up to <see cref="Yen.Max"/>.</summary>
    public static PropertyBuilder<T> Yen<T>(this PropertyBuilder<T> property) => property.HasPrecision(Funds.Yen.Precision, Funds.Yen.Scale);
}

internal sealed class FundMapping : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(Fund.MaxNameLength);
        builder.Property(f => f.Description).HasMaxLength(Fund.MaxDescriptionLength);
        builder.Property(f => f.NamedAfter).HasMaxLength(Fund.MaxNameLength);
        builder.Property(f => f.DesignatedProject).HasMaxLength(Fund.MaxNameLength);
        builder.Ignore(f => f.Account);
        builder.HasIndex(f => f.HolderOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.HolderOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryMapping : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Amount).Yen();
        builder.Property(e => e.CounterpartyName).HasMaxLength(LedgerEntry.MaxNameLength);
        builder.Property(e => e.ProjectTitle).HasMaxLength(LedgerEntry.MaxNameLength);
        builder.Property(e => e.Description).HasMaxLength(LedgerEntry.MaxDescriptionLength);
        builder.Ignore(e => e.Account);
        builder.Ignore(e => e.BalanceChange);
        // One entry per source, kind and side on an account: recording the same donation or disbursement twice fails.
        builder.HasIndex(e => new { e.Owner, e.OwnerId, e.Kind, e.SourceId, e.Flow }).IsUnique();
        builder.HasIndex(e => new { e.Owner, e.OwnerId, e.OccurredOn });
        builder.HasIndex(e => e.TransferId);
    }
}
