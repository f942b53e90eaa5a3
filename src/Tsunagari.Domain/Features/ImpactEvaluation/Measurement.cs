namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// A value of a manual or survey indicator as of a date, recorded by the organization, with its evidence (a file) and,
/// for a survey, the number of respondents. Platform indicators need none: their values are computed.
/// </summary>
public sealed class Measurement
{
    public const int MaxNoteLength = 1000;
    public const int MaxFileNameLength = 120;

    /// <summary>8 MB, as for other attachments: under the 10 MB request limit, so the page gives its own message.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid IndicatorId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Value { get; private set; }

    /// <summary>How it was measured, or what the survey asked.</summary>
    public string Note { get; private set; } = "";

    /// <summary>For a survey: how many answered.</summary>
    public int? Respondents { get; private set; }

    public string? EvidenceFileName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public long EvidenceSize { get; private set; }

    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private Measurement() { }

    public Measurement(Guid indicatorId, DateOnly date, decimal value, string note, int? respondents, Guid recordedBy, DateTimeOffset now)
    {
        IndicatorId = indicatorId;
        Date = date;
        Value = value;
        Note = note;
        Respondents = respondents;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public bool HasEvidence => EvidenceFileName is not null;

    /// <summary>Attaches the evidence; its bytes go in a <see cref="MeasurementEvidence"/> row, so lists do not load them.</summary>
    public MeasurementEvidence AttachEvidence(string fileName, string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxFileBytes) throw new ArgumentException("The file is larger than evidence may be.", nameof(content));
        EvidenceFileName = fileName;
        EvidenceContentType = contentType;
        EvidenceSize = content.Length;
        return new MeasurementEvidence(Id, content);
    }
}

/// <summary>The bytes of a measurement's evidence.</summary>
public sealed class MeasurementEvidence
{
    public Guid MeasurementId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private MeasurementEvidence() { }

    public MeasurementEvidence(Guid measurementId, byte[] content)
    {
        MeasurementId = measurementId;
        Content = content;
    }
}
