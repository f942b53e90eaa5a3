namespace Tsunagari.Features.ProBono;

/// <summary>
/// What the team made, handed over in the project: a file kept in the database (its bytes in <see cref="DeliverableFile"/>,
/// so lists do not load them) or a link to where it lives (https only).
/// </summary>
public sealed class ProjectDeliverable
{
    public const int MaxTitleLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxFileNameLength = 120;
    public const int MaxPerProject = 50;

    /// <summary>8 MB: under the platform's 10 MB request limit, so a large file gets this page's own message.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public DeliverableKind Kind { get; private set; }

    /// <summary>The https address of a linked deliverable; null for a file.</summary>
    public string? Url { get; private set; }

    /// <summary>A file's sanitized name, its content type as recognized from its bytes, and its size; null for a link.</summary>
    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }
    public long Size { get; private set; }

    /// <summary>Null once the uploader's account is deleted: the deliverable stays the organization's.</summary>
    public Guid? AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    private ProjectDeliverable() { }

    public static ProjectDeliverable Link(Guid projectId, string title, DeliverableKind kind, Uri url, Guid addedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps) throw new ArgumentException("Only https links are kept.", nameof(url));
        return new ProjectDeliverable { ProjectId = projectId, Title = title.Trim(), Kind = kind, Url = url.AbsoluteUri, AddedBy = addedBy, AddedAt = now };
    }

    public static (ProjectDeliverable Deliverable, DeliverableFile File) Upload(Guid projectId, string title, DeliverableKind kind,
        string fileName, string contentType, byte[] content, Guid addedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxFileBytes) throw new ArgumentException("The file is larger than a deliverable may be.", nameof(content));
        var deliverable = new ProjectDeliverable
        {
            ProjectId = projectId,
            Title = title.Trim(),
            Kind = kind,
            FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            AddedBy = addedBy,
            AddedAt = now,
        };
        return (deliverable, new DeliverableFile(deliverable.Id, content));
    }

    public bool IsFile => FileName is not null;
}

/// <summary>The bytes of an uploaded deliverable, in a table of their own.</summary>
public sealed class DeliverableFile
{
    public Guid DeliverableId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private DeliverableFile() { }

    public DeliverableFile(Guid deliverableId, byte[] content)
    {
        DeliverableId = deliverableId;
        Content = content;
    }
}
