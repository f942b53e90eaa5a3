using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Collaboration;

internal sealed class InitiativeMapping : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(Initiative.MaxTitleLength);
        builder.Property(i => i.Summary).HasMaxLength(Initiative.MaxSummaryLength);
        builder.Property(i => i.OwnerName).HasMaxLength(Initiative.MaxOwnerNameLength);
        builder.Property(i => i.RoleAssessmentNote).HasMaxLength(Initiative.MaxReasonLength);
        builder.Ignore(i => i.IsActive);
        builder.HasIndex(i => new { i.Type, i.Stage });
        builder.HasIndex(i => i.OwnerName);
        builder.HasIndex(i => i.OrganizationId);
        // An organization that leaves takes its initiatives' ownership, not the record: the owner's name stays.
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InitiativeChangeMapping : IEntityTypeConfiguration<InitiativeChange>
{
    public void Configure(EntityTypeBuilder<InitiativeChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reason).HasMaxLength(Initiative.MaxReasonLength);
        builder.Ignore(c => c.PilotContinued);
        builder.HasIndex(c => new { c.InitiativeId, c.ChangedAt });
        builder.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.ChangedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CollaborationCallMapping : IEntityTypeConfiguration<CollaborationCall>
{
    public void Configure(EntityTypeBuilder<CollaborationCall> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(CollaborationCall.MaxTitleLength);
        builder.Property(c => c.Theme).HasMaxLength(CollaborationCall.MaxTextLength);
        builder.Property(c => c.Description).HasMaxLength(CollaborationCall.MaxTextLength);
        builder.Property(c => c.Department).HasMaxLength(CollaborationCall.MaxDepartmentLength);
        builder.Property(c => c.PresentationPlace).HasMaxLength(CollaborationCall.MaxPlaceLength);
        builder.Ignore(c => c.CanEdit);
        builder.Ignore(c => c.MaxTotal);
        builder.OwnsMany(c => c.Criteria, criterion =>
        {
            criterion.ToTable("CallCriteria");
            criterion.WithOwner().HasForeignKey("CallId");
            criterion.HasKey("CallId", nameof(RubricCriterion.Number));
            criterion.Property(x => x.Name).HasMaxLength(RubricCriterion.MaxNameLength);
            criterion.Property(x => x.Description).HasMaxLength(RubricCriterion.MaxDescriptionLength);
        });
        builder.HasIndex(c => new { c.Status, c.Deadline });
        builder.HasIndex(c => c.Department);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallReviewerMapping : IEntityTypeConfiguration<CallReviewer>
{
    public void Configure(EntityTypeBuilder<CallReviewer> builder)
    {
        builder.HasKey(r => new { r.CallId, r.AccountId });
        builder.HasIndex(r => r.AccountId);
        builder.HasOne<CollaborationCall>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationProposalMapping : IEntityTypeConfiguration<CollaborationProposal>
{
    public void Configure(EntityTypeBuilder<CollaborationProposal> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(CollaborationProposal.MaxTitleLength);
        builder.Property(p => p.Goal).HasMaxLength(CollaborationProposal.MaxTextLength);
        builder.Property(p => p.Plan).HasMaxLength(CollaborationProposal.MaxTextLength);
        builder.Property(p => p.Roles).HasMaxLength(CollaborationProposal.MaxTextLength);
        builder.Property(p => p.Place).HasMaxLength(CollaborationProposal.MaxPlaceLength);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(6);
        builder.Property(p => p.DecisionReason).HasMaxLength(CollaborationProposal.MaxReasonLength);
        builder.Property(p => p.Conditions).HasMaxLength(CollaborationProposal.MaxReasonLength);
        builder.Ignore(p => p.CanEdit);
        builder.Ignore(p => p.IsAdopted);
        builder.Ignore(p => p.ProposingOrganizations);
        builder.HasIndex(p => new { p.CallId, p.Status });
        builder.HasIndex(p => p.ProposerId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<CollaborationCall>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.ProposerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProposalAttachmentMapping : IEntityTypeConfiguration<ProposalAttachment>
{
    public void Configure(EntityTypeBuilder<ProposalAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(ProposalAttachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => new { a.ProposalId, a.AddedAt });
        builder.HasOne<CollaborationProposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalAttachmentFileMapping : IEntityTypeConfiguration<ProposalAttachmentFile>
{
    public void Configure(EntityTypeBuilder<ProposalAttachmentFile> builder)
    {
        builder.HasKey(f => f.AttachmentId);
        builder.HasOne<ProposalAttachment>().WithOne().HasForeignKey<ProposalAttachmentFile>(f => f.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalReviewMapping : IEntityTypeConfiguration<ProposalReview>
{
    public void Configure(EntityTypeBuilder<ProposalReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ConflictNote).HasMaxLength(ProposalReview.MaxCommentLength);
        builder.Property(r => r.Comment).HasMaxLength(ProposalReview.MaxCommentLength);
        builder.Ignore(r => r.IsScored);
        builder.Ignore(r => r.Total);
        builder.HasIndex(r => new { r.ProposalId, r.ReviewerId }).IsUnique();
        builder.HasIndex(r => r.ReviewerId);
        builder.HasOne<CollaborationProposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationAgreementMapping : IEntityTypeConfiguration<CollaborationAgreement>
{
    public void Configure(EntityTypeBuilder<CollaborationAgreement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PlaceBoundaries).HasMaxLength(CollaborationAgreement.MaxTextLength);
        builder.Property(a => a.ReportingDuties).HasMaxLength(CollaborationAgreement.MaxTextLength);
        builder.Property(a => a.GovernmentSignatory).HasMaxLength(CollaborationAgreement.MaxSignatoryLength);
        builder.Property(a => a.PartnerSignatory).HasMaxLength(CollaborationAgreement.MaxSignatoryLength);
        builder.Ignore(a => a.InForce);
        // The role split is read and written whole, in order: one JSON column.
        builder.OwnsMany(a => a.Roles, role => role.ToJson());
        builder.HasIndex(a => a.ProposalId).IsUnique();
        builder.HasOne<CollaborationProposal>().WithOne().HasForeignKey<CollaborationAgreement>(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.GovernmentSignedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.PartnerSignedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CollaborationPilotMapping : IEntityTypeConfiguration<CollaborationPilot>
{
    public void Configure(EntityTypeBuilder<CollaborationPilot> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DecisionReason).HasMaxLength(CollaborationPilot.MaxReasonLength);
        builder.Ignore(p => p.IsRunning);
        builder.HasIndex(p => p.ProposalId).IsUnique();
        builder.HasIndex(p => p.InitiativeId);
        builder.HasOne<CollaborationProposal>().WithOne().HasForeignKey<CollaborationPilot>(p => p.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.DecidedBy).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PilotMilestoneMapping : IEntityTypeConfiguration<PilotMilestone>
{
    public void Configure(EntityTypeBuilder<PilotMilestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(PilotMilestone.MaxTitleLength);
        builder.HasIndex(m => new { m.PilotId, m.DueOn });
        builder.HasOne<CollaborationPilot>().WithMany().HasForeignKey(m => m.PilotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PilotReportMapping : IEntityTypeConfiguration<PilotReport>
{
    public void Configure(EntityTypeBuilder<PilotReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Text).HasMaxLength(PilotReport.MaxTextLength);
        builder.Property(r => r.ResultsAgainstGoals).HasMaxLength(PilotReport.MaxTextLength);
        builder.HasIndex(r => new { r.PilotId, r.SubmittedAt });
        builder.HasOne<CollaborationPilot>().WithMany().HasForeignKey(r => r.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PilotEvaluationMapping : IEntityTypeConfiguration<PilotEvaluation>
{
    public void Configure(EntityTypeBuilder<PilotEvaluation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Comment).HasMaxLength(PilotEvaluation.MaxCommentLength);
        builder.HasIndex(e => new { e.PilotId, e.Side }).IsUnique();
        builder.HasOne<CollaborationPilot>().WithMany().HasForeignKey(e => e.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DialogueMeetingMapping : IEntityTypeConfiguration<DialogueMeeting>
{
    public void Configure(EntityTypeBuilder<DialogueMeeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Agenda).HasMaxLength(DialogueMeeting.MaxTextLength);
        builder.Property(m => m.Minutes).HasMaxLength(DialogueMeeting.MaxTextLength);
        builder.HasIndex(m => m.OpportunityId).IsUnique();
        builder.HasIndex(m => m.InitiativeId);
        builder.HasOne<Opportunity>().WithOne().HasForeignKey<DialogueMeeting>(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FollowUpActionMapping : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Text).HasMaxLength(FollowUpAction.MaxTextLength);
        builder.Property(a => a.Owner).HasMaxLength(FollowUpAction.MaxOwnerLength);
        builder.Property(a => a.DoneNote).HasMaxLength(FollowUpAction.MaxTextLength);
        builder.Ignore(a => a.IsDone);
        builder.HasIndex(a => new { a.MeetingId, a.DueOn });
        builder.HasIndex(a => new { a.DoneOn, a.DueOn });
        builder.HasOne<DialogueMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
