namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A file attached to a proposal (a budget sheet, a map, a letter of support). Its bytes are in
/// <see cref="ProposalAttachmentFile"/>, so lists do not load them.
/// </summary>
public sealed class ProposalAttachment
{
    public const int MaxFileNameLength = 120;
    public const int MaxPerProposal = 10;

    /// <summary>8 MB, as for pro bono deliverables: under the 10 MB request limit, so the page gives its own message.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    private ProposalAttachment() { }

    public static (ProposalAttachment Attachment, ProposalAttachmentFile File) Create(Guid proposalId, string fileName, string contentType,
        byte[] content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxFileBytes) throw new ArgumentException("The file is larger than an attachment may be.", nameof(content));
        var attachment = new ProposalAttachment { ProposalId = proposalId, FileName = fileName, ContentType = contentType, Size = content.Length, AddedAt = now };
        return (attachment, new ProposalAttachmentFile(attachment.Id, content));
    }
}

/// <summary>The bytes of a <see cref="ProposalAttachment"/>.</summary>
public sealed class ProposalAttachmentFile
{
    public Guid AttachmentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private ProposalAttachmentFile() { }

    public ProposalAttachmentFile(Guid attachmentId, byte[] content)
    {
        AttachmentId = attachmentId;
        Content = content;
    }
}
