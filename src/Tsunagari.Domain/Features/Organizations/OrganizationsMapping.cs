using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Organizations;

internal sealed class OrganizationMapping : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organization.MaxNameLength);
        builder.Property(o => o.Kana).HasMaxLength(Organization.MaxNameLength);
        builder.Property(o => o.CorporateNumber).HasMaxLength(13);
        builder.Property(o => o.Mission).HasMaxLength(Organization.MaxMissionLength);
        builder.Property(o => o.Description).HasMaxLength(Organization.MaxDescriptionLength);
        builder.Property(o => o.ContactEmail).HasMaxLength(254);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.LogoContentType).HasMaxLength(50);
        builder.Property(o => o.VerificationNote).HasMaxLength(2000);
        builder.HasIndex(o => o.CorporateNumber);
        builder.HasIndex(o => o.Kind);
        builder.HasMany(o => o.Memberships).WithOne().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipMapping : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => new { m.OrganizationId, m.AccountId });
        builder.HasIndex(m => m.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationMapping : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
