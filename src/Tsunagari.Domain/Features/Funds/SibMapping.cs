using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

internal sealed class SibContractMapping : IEntityTypeConfiguration<SibContract>
{
    public void Configure(EntityTypeBuilder<SibContract> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(SibContract.MaxTitleLength);
        builder.Property(c => c.Description).HasMaxLength(SibContract.MaxDescriptionLength);
        builder.Property(c => c.Cap).Yen();
        builder.Property(c => c.FixedPayment).Yen();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Terms);
        builder.Ignore(c => c.Invested);
        builder.Ignore(c => c.Paid);
        builder.Ignore(c => c.Distributed);
        builder.Ignore(c => c.Results);
        foreach (var party in new[] { nameof(SibContract.PayerOrganizationId), nameof(SibContract.ProviderOrganizationId),
            nameof(SibContract.IntermediaryOrganizationId), nameof(SibContract.EvaluatorOrganizationId) })
        {
            builder.HasOne<Organization>().WithMany().HasForeignKey(party).OnDelete(DeleteBehavior.Restrict);
            builder.HasIndex(party);
        }
        builder.OwnsMany(c => c.Investors, investor =>
        {
            investor.ToTable("SibInvestors");
            investor.WithOwner().HasForeignKey("ContractId");
            investor.HasKey("ContractId", nameof(SibInvestor.Number));
            investor.Property(x => x.Name).HasMaxLength(SibInvestor.MaxNameLength);
            investor.Property(x => x.Amount).Yen();
            investor.HasIndex(x => x.OrganizationId);
        });
        builder.OwnsMany(c => c.Outcomes, outcome =>
        {
            outcome.ToTable("SibOutcomes");
            outcome.WithOwner().HasForeignKey("ContractId");
            outcome.HasKey("ContractId", nameof(SibOutcome.Number));
            outcome.Property(x => x.Indicator).HasMaxLength(SibSettlement.MaxIndicatorLength);
            outcome.Property(x => x.Unit).HasMaxLength(SibSettlement.MaxUnitLength);
            outcome.Property(x => x.ResultNote).HasMaxLength(SibOutcome.MaxNoteLength);
            outcome.Property(x => x.MaxAmount).Yen();
            // Results and thresholds are rates, counts or scores: up to ±1兆 with four decimals.
            outcome.Property(x => x.Lower).HasPrecision(18, 4);
            outcome.Property(x => x.Upper).HasPrecision(18, 4);
            outcome.Property(x => x.Result).HasPrecision(18, 4);
            outcome.Ignore(x => x.Steps);
            outcome.Ignore(x => x.Rule);
            outcome.Ignore(x => x.Terms);
        });
        builder.OwnsMany(c => c.Payments, payment =>
        {
            payment.ToTable("SibPayments");
            payment.WithOwner().HasForeignKey("ContractId");
            payment.HasKey(x => x.Id);
            // Made with its id: one added to a saved contract is new, not an existing row to update.
            payment.Property(x => x.Id).ValueGeneratedNever();
            payment.Property(x => x.Amount).Yen();
            // One approval per line: a second approval of the same line fails even when two payers click at once.
            payment.HasIndex("ContractId", nameof(SibPayment.Line)).IsUnique();
        });
        builder.OwnsMany(c => c.Distributions, distribution =>
        {
            distribution.ToTable("SibDistributions");
            distribution.WithOwner().HasForeignKey("ContractId");
            distribution.HasKey(x => x.Id);
            distribution.Property(x => x.Id).ValueGeneratedNever();
            distribution.Property(x => x.Amount).Yen();
            distribution.HasIndex("ContractId", nameof(SibDistribution.Round), nameof(SibDistribution.InvestorNumber)).IsUnique();
        });
    }
}
