using System.IO.Compression;
using System.Text;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// Recognizes a deliverable's file by its bytes, not by its name or the browser's claim: PDF, PNG, JPEG, Word/Excel/
/// PowerPoint (Office Open XML, a zip whose parts must match the name's extension) and UTF-8 text or CSV. Anything
/// else (an executable, HTML, SVG, an old Office file, a zip of anything) is refused.
/// </summary>
public static class DeliverableFileType
{
    public sealed record Kind(string ContentType, string Extension);

    private static readonly Dictionary<string, (string ContentType, string Part)> OfficeOpenXml = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content type and extension to serve the file with, or null when it is not one of the accepted kinds.</summary>
    public static Kind? Of(byte[] data, string fileName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        ReadOnlySpan<byte> bytes = data;
        if (bytes.StartsWith("%PDF-"u8)) return new("application/pdf", ".pdf");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", ".png");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", extension is ".jpeg" ? ".jpeg" : ".jpg");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
            return OfficeOpenXml.TryGetValue(extension, out var office) && IsOfficePackage(data, office.Part) ? new(office.ContentType, extension) : null;
        if (extension is ".txt" or ".csv" && IsText(data))
            return new(extension == ".csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8", extension);
        return null;
    }

    /// <summary>
    /// A name safe to send back in Content-Disposition and to show: no folders, no control or reserved characters, at
    /// most <see cref="ProjectDeliverable.MaxFileNameLength"/> characters, ending with the extension of what the bytes are.
    /// </summary>
    public static string SafeName(string? fileName, Kind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var stem = Path.GetFileNameWithoutExtension(name);
        var clean = new StringBuilder(stem.Length);
        foreach (var c in stem)
            clean.Append(char.IsControl(c) || char.IsSurrogate(c) || "<>:\"/\\|?*;%".Contains(c, StringComparison.Ordinal) ? '_' : c);
        stem = clean.ToString().Trim(' ', '.', '_');
        if (stem.Length == 0) stem = "deliverable";
        var room = ProjectDeliverable.MaxFileNameLength - kind.Extension.Length;
        if (stem.Length > room) stem = stem[..room];
        return stem + kind.Extension;
    }

    private static bool IsOfficePackage(byte[] data, string part)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith(part, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Valid UTF-8 (a BOM allowed) without NUL or other control characters than tab and line ends.</summary>
    private static bool IsText(byte[] data)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return false;
        return true;
    }
}
