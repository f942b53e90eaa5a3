using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

internal sealed class CampaignMapping : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Campaign.MaxTitleLength);
        builder.Property(c => c.Description).HasMaxLength(Campaign.MaxDescriptionLength);
        builder.Property(c => c.GoalAmount).Yen();
        builder.Ignore(c => c.Project);
        builder.Ignore(c => c.Account);
        builder.HasIndex(c => c.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(c => c.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DonationSettingsMapping : IEntityTypeConfiguration<DonationSettings>
{
    public void Configure(EntityTypeBuilder<DonationSettings> builder)
    {
        builder.HasKey(s => s.OrganizationId);
        foreach (var text in new[] { nameof(DonationSettings.BankName), nameof(DonationSettings.BranchName), nameof(DonationSettings.AccountNumber),
            nameof(DonationSettings.AccountHolder), nameof(DonationSettings.CertificationNumber), nameof(DonationSettings.IssuerAddress), nameof(DonationSettings.Representative) })
            builder.Property(text).HasMaxLength(DonationSettings.MaxTextLength);
        builder.Ignore(s => s.TakesTransfers);
        builder.HasOne<Organization>().WithOne().HasForeignKey<DonationSettings>(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DonationMapping : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Reference).HasMaxLength(20);
        builder.Property(d => d.DonorName).HasMaxLength(Donation.MaxNameLength);
        builder.Property(d => d.DonorAddress).HasMaxLength(Donation.MaxAddressLength);
        builder.Property(d => d.Designation).HasMaxLength(Donation.MaxDesignationLength);
        builder.Property(d => d.InKindDescription).HasMaxLength(Donation.MaxDesignationLength);
        builder.Property(d => d.BankTransactionId).HasMaxLength(Donation.MaxTransactionIdLength);
        builder.Property(d => d.Amount).Yen();
        builder.Ignore(d => d.IsMoney);
        builder.Ignore(d => d.Account);
        builder.HasIndex(d => d.Reference);
        builder.HasIndex(d => new { d.OrganizationId, d.Status });
        builder.HasIndex(d => d.DonorId);
        builder.HasIndex(d => d.CampaignId);
        builder.HasIndex(d => d.PlanId);
        // One bank transfer reconciles one donation (nulls, for donations reconciled without an id, do not collide).
        builder.HasIndex(d => new { d.OrganizationId, d.BankTransactionId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(d => d.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonationPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DonationPlanMapping : IEntityTypeConfiguration<DonationPlan>
{
    public void Configure(EntityTypeBuilder<DonationPlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reference).HasMaxLength(20);
        builder.Property(p => p.DonorName).HasMaxLength(Donation.MaxNameLength);
        builder.Property(p => p.DonorAddress).HasMaxLength(Donation.MaxAddressLength);
        builder.Property(p => p.Designation).HasMaxLength(Donation.MaxDesignationLength);
        builder.Property(p => p.Amount).Yen();
        builder.Ignore(p => p.Destination);
        builder.Ignore(p => p.Donor);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => p.DonorId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DonationReceiptMapping : IEntityTypeConfiguration<DonationReceipt>
{
    public void Configure(EntityTypeBuilder<DonationReceipt> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.IssuerName).HasMaxLength(Organization.MaxNameLength);
        builder.Property(r => r.CertificationNumber).HasMaxLength(DonationSettings.MaxTextLength);
        builder.Property(r => r.IssuerAddress).HasMaxLength(DonationSettings.MaxTextLength);
        builder.Property(r => r.Representative).HasMaxLength(DonationSettings.MaxTextLength);
        builder.Property(r => r.DonorName).HasMaxLength(Donation.MaxNameLength);
        builder.Property(r => r.DonorAddress).HasMaxLength(Donation.MaxAddressLength);
        builder.Property(r => r.Purpose).HasMaxLength(DonationReceipt.MaxPurposeLength);
        builder.Property(r => r.Amount).Yen();
        builder.Ignore(r => r.Number);
        builder.Ignore(r => r.IsReissued);
        builder.HasIndex(r => r.DonationId).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.Year, r.Sequence }).IsUnique();
        builder.HasIndex(r => r.DonorId);
        builder.HasOne<Donation>().WithMany().HasForeignKey(r => r.DonationId).OnDelete(DeleteBehavior.Restrict);
    }
}
