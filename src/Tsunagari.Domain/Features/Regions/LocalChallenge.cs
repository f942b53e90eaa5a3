namespace Tsunagari.Features.Regions;

/// <summary>A municipality's local challenge (地域課題) as recorded by staff, tagged with fields of activity.</summary>
public sealed class LocalChallenge
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string MunicipalityCode { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>Numbers of the NPO Act's fields of activity (1–20).</summary>
    public List<int> Fields { get; private set; } = [];

    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? RecordedBy { get; private set; }

    private LocalChallenge() { }

    public LocalChallenge(string municipalityCode, string text, IEnumerable<int> fields, DateTimeOffset recordedAt, Guid? recordedBy)
    {
        if (!LocalGovernmentCode.IsValid(municipalityCode))
            throw new ArgumentException($"{municipalityCode} is not a local government code.", nameof(municipalityCode));
        MunicipalityCode = municipalityCode;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        Update(text, fields);
    }

    public void Update(string text, IEnumerable<int> fields)
    {
        var normalized = Normalize(text);
        if (normalized.Length is 0 or > MaxTextLength)
            throw new ArgumentException($"A local challenge needs 1 to {MaxTextLength} characters.", nameof(text));
        var numbers = fields.Distinct().Order().ToList();
        if (numbers.Any(n => !FieldsOfActivity.IsDefined(n)))
            throw new ArgumentException("Fields of activity are numbered 1 to 20.", nameof(fields));
        Text = normalized;
        Fields = numbers;
    }

    /// <summary>
    /// Browsers send line breaks as CRLF but count them as one character while typing, so the limit is applied to the
    /// text with LF line breaks, the form it is stored in.
    /// </summary>
    public static string Normalize(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();
}
